import { Module } from '@nestjs/common';
import { AuditsModule } from '../audits/audits.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { NonconformitiesModule } from '../nonconformities/nonconformities.module.js';
import { ObjectivesModule } from '../objectives/objectives.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ManagementReviewController } from './management-review.controller.js';
import { ManagementReviewService } from './management-review.service.js';
import { ManagementReviewInputsRepository } from './repositories/management-review-inputs.repository.js';

@Module({
  imports: [ProcessesModule, TasksModule, AuditsModule, NonconformitiesModule, ObjectivesModule, IncidentsModule],
  controllers: [ManagementReviewController],
  providers: [ManagementReviewService, ManagementReviewInputsRepository],
  exports: [ManagementReviewService],
})
export class ManagementReviewModule {}
