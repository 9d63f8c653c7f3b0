import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { RuleSetsController } from './rule-sets.controller.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SimulationService } from './simulation.service.js';
import { SystemClassifier } from './system-classifier.js';

@Module({
  controllers: [RuleSetsController, DecisionsController],
  providers: [RuleEvaluator, RuleSetsService, SimulationService, DecisionsService, SystemClassifier],
  exports: [RuleEvaluator, SystemClassifier],
})
export class RulesModule {}
