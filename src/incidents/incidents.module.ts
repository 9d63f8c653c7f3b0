import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { NonconformitiesModule } from '../nonconformities/nonconformities.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';
import { IncidentsRepository } from './repositories/incidents.repository.js';

@Module({
  imports: [ProcessesModule, AiSystemsModule, NonconformitiesModule],
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentsRepository],
  exports: [IncidentsService],
})
export class IncidentsModule {}
