import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { ControlsCatalogue } from './controls-catalogue.js';
import { ControlsController } from './controls.controller.js';
import { ControlsService } from './controls.service.js';

@Module({
  imports: [RulesModule],
  controllers: [ControlsController],
  providers: [ControlsService, { provide: ControlsCatalogue, useFactory: () => ControlsCatalogue.load() }],
  exports: [ControlsService, ControlsCatalogue],
})
export class ControlsModule {}
