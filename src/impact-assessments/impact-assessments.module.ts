import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { ImpactAssessmentsController } from './impact-assessments.controller.js';
import { ImpactAssessmentsService } from './impact-assessments.service.js';

@Module({
  imports: [ProcessesModule, AiSystemsModule],
  controllers: [ImpactAssessmentsController],
  providers: [ImpactAssessmentsService],
  exports: [ImpactAssessmentsService],
})
export class ImpactAssessmentsModule {}
