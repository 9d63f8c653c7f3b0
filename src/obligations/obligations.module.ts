import { Module } from '@nestjs/common';
import { AiSystemsModule } from '../ai-systems/ai-systems.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { ObligationsController } from './obligations.controller.js';
import { ObligationsService } from './obligations.service.js';

@Module({ imports: [AiSystemsModule, RulesModule], controllers: [ObligationsController], providers: [ObligationsService] })
export class ObligationsModule {}
