import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';
import { DecisionsRepository } from './repositories/decisions.repository.js';
import { RuleSetsRepository } from './repositories/rule-sets.repository.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { RuleSetsController } from './rule-sets.controller.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SimulationService } from './simulation.service.js';
import { SystemClassifier } from './system-classifier.js';

@Module({
  controllers: [RuleSetsController, DecisionsController],
  providers: [RuleEvaluator, RuleSetsService, SimulationService, DecisionsService, SystemClassifier, RuleSetsRepository, DecisionsRepository],
  exports: [RuleEvaluator, SystemClassifier, RuleSetsService, SimulationService, DecisionsService],
})
export class RulesModule {}
