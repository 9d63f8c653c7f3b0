import { Module } from '@nestjs/common';
import { ControlsModule } from '../controls/controls.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { RisksController } from './risks.controller.js';
import { RisksService } from './risks.service.js';
import { RisksRepository } from './repositories/risks.repository.js';

@Module({
  imports: [ProcessesModule, RulesModule, ControlsModule],
  controllers: [RisksController],
  providers: [RisksService, RisksRepository],
  exports: [RisksService],
})
export class RisksModule {}
