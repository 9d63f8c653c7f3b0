import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { RulesModule } from '../rules/rules.module.js';
import { AiSystemsController } from './ai-systems.controller.js';
import { AiSystemsService } from './ai-systems.service.js';
import { AttributeSchema } from './attribute-schema.js';

@Module({
  imports: [RulesModule],
  controllers: [AiSystemsController],
  providers: [
    AiSystemsService,
    {
      provide: AttributeSchema,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => AttributeSchema.fromFile(config.get('attributeSchemaPath', { infer: true })),
    },
  ],
  exports: [AiSystemsService],
})
export class AiSystemsModule {}
