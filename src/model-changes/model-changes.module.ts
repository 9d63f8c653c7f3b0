import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { ImpactAssessmentsModule } from '../impact-assessments/impact-assessments.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { ModelChangesController } from './model-changes.controller.js';
import { ModelEventsService } from './model-events.service.js';
import { ModelVersionsService } from './model-versions.service.js';
import { ReassessmentService } from './reassessment.service.js';
import { ModelEventsRepository } from './repositories/model-events.repository.js';
import { ModelVersionsRepository } from './repositories/model-versions.repository.js';

@Module({
  imports: [AiSystemsModule, ImpactAssessmentsModule, ProcessesModule, RulesModule],
  controllers: [ModelChangesController],
  providers: [ReassessmentService, ModelVersionsService, ModelEventsService, ModelVersionsRepository, ModelEventsRepository],
})
export class ModelChangesModule {}
