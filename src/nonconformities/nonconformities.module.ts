import { Module } from '@nestjs/common';
import { ControlsModule } from '../controls/controls.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { NonconformitiesController } from './nonconformities.controller.js';
import { NonconformitiesService } from './nonconformities.service.js';

@Module({ imports: [ProcessesModule, ControlsModule], controllers: [NonconformitiesController], providers: [NonconformitiesService], exports: [NonconformitiesService] })
export class NonconformitiesModule {}
