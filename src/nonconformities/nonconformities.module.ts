import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { ControlsModule } from '../controls/controls.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { NonconformitiesController } from './nonconformities.controller.js';
import { NonconformitiesService } from './nonconformities.service.js';
import { NonconformitiesRepository } from './repositories/nonconformities.repository.js';

@Module({
  imports: [ProcessesModule, ControlsModule, AiSystemsModule],
  controllers: [NonconformitiesController],
  providers: [NonconformitiesService, NonconformitiesRepository],
  exports: [NonconformitiesService],
})
export class NonconformitiesModule {}
