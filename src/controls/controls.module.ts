import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { ControlsCatalogue } from './controls-catalogue.js';
import { ControlsController } from './controls.controller.js';
import { ControlsService } from './controls.service.js';
import { ControlImplementationsRepository } from './repositories/control-implementations.repository.js';

@Module({
  imports: [RulesModule, AiSystemsModule],
  controllers: [ControlsController],
  providers: [ControlsService, ControlImplementationsRepository, { provide: ControlsCatalogue, useFactory: () => ControlsCatalogue.load() }],
  exports: [ControlsService, ControlsCatalogue],
})
export class ControlsModule {}
