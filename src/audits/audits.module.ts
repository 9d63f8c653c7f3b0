import { Module } from '@nestjs/common';
import { ControlsModule } from '../controls/controls.module.js';
import { NonconformitiesModule } from '../nonconformities/nonconformities.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { AuditsController } from './audits.controller.js';
import { AuditsService } from './audits.service.js';
import { AuditsRepository } from './repositories/audits.repository.js';

@Module({
  imports: [ProcessesModule, NonconformitiesModule, ControlsModule],
  controllers: [AuditsController],
  providers: [AuditsService, AuditsRepository],
  exports: [AuditsService],
})
export class AuditsModule {}
