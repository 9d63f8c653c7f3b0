import { Module } from '@nestjs/common';
import { NonconformitiesModule } from '../nonconformities/nonconformities.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { AuditsController } from './audits.controller.js';
import { AuditsService } from './audits.service.js';

@Module({ imports: [ProcessesModule, NonconformitiesModule], controllers: [AuditsController], providers: [AuditsService] })
export class AuditsModule {}
