import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ImpactAssessmentsController } from './impact-assessments.controller.js';
import { ImpactAssessmentsService } from './impact-assessments.service.js';
import { ImpactAssessmentsRepository } from './repositories/impact-assessments.repository.js';

@Module({
  imports: [ProcessesModule, AiSystemsModule, TasksModule],
  controllers: [ImpactAssessmentsController],
  providers: [ImpactAssessmentsService, ImpactAssessmentsRepository],
  exports: [ImpactAssessmentsService],
})
export class ImpactAssessmentsModule {}
