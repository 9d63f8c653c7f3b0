import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { AiSystemChangeHooks } from './ai-system-change-hooks.js';
import { AiSystemLifecycle } from './ai-system-lifecycle.service.js';
import { AiSystemsController } from './ai-systems.controller.js';
import { AiSystemsService } from './ai-systems.service.js';
import { AttributeSchema } from './attribute-schema.js';
import { AiSystemsRepository } from './repositories/ai-systems.repository.js';

@Module({
  imports: [RulesModule, ProcessesModule],
  controllers: [AiSystemsController],
  providers: [
    AiSystemsService,
    AiSystemLifecycle,
    AiSystemChangeHooks,
    AiSystemsRepository,
    {
      provide: AttributeSchema,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => AttributeSchema.fromFile(config.get('attributeSchemaPath', { infer: true })),
    },
  ],
  exports: [AiSystemsService, AiSystemLifecycle, AiSystemChangeHooks],
})
export class AiSystemsModule {}
