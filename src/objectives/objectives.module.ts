import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { ControlsModule } from '../controls/controls.module.js';
import { NonconformitiesModule } from '../nonconformities/nonconformities.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { ObjectivesController } from './objectives.controller.js';
import { ObjectivesService } from './objectives.service.js';
import { ObjectivesRepository } from './repositories/objectives.repository.js';

@Module({
  imports: [ProcessesModule, AiSystemsModule, ControlsModule, NonconformitiesModule],
  controllers: [ObjectivesController],
  providers: [ObjectivesService, ObjectivesRepository],
  exports: [ObjectivesService],
})
export class ObjectivesModule {}
