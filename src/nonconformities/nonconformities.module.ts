import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module.js';
import { NonconformitiesController } from './nonconformities.controller.js';
import { NonconformitiesService } from './nonconformities.service.js';

@Module({ imports: [ProcessesModule], controllers: [NonconformitiesController], providers: [NonconformitiesService], exports: [NonconformitiesService] })
export class NonconformitiesModule {}
