import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module.js';
import { PoliciesController } from './policies.controller.js';
import { PoliciesService } from './policies.service.js';
import { PoliciesRepository } from './repositories/policies.repository.js';

@Module({ imports: [ProcessesModule], controllers: [PoliciesController], providers: [PoliciesService, PoliciesRepository], exports: [PoliciesService] })
export class PoliciesModule {}
