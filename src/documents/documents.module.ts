import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { AuditsModule } from '../audits/audits.module.js';
import { ControlsModule } from '../controls/controls.module.js';
import { ImpactAssessmentsModule } from '../impact-assessments/impact-assessments.module.js';
import { ManagementReviewModule } from '../management-review/management-review.module.js';
import { NonconformitiesModule } from '../nonconformities/nonconformities.module.js';
import { RisksModule } from '../risks/risks.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

/** Documents for auditors; it owns no table and reads every register through its owner's service. */
@Module({
  imports: [ControlsModule, AiSystemsModule, ImpactAssessmentsModule, RisksModule, NonconformitiesModule, AuditsModule, ManagementReviewModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
