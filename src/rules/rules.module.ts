import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';
import { DecisionsRepository } from './repositories/decisions.repository.js';
import { RuleSetsRepository } from './repositories/rule-sets.repository.js';
import { RuleSimulationsRepository } from './repositories/rule-simulations.repository.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { RuleSetsController } from './rule-sets.controller.js';
import { RuleSetsService } from './rule-sets.service.js';
import { RuleSimulationsController } from './rule-simulations.controller.js';
import { SimulationWorker } from './simulation-worker.js';
import { SimulationService } from './simulation.service.js';
import { SystemClassifier } from './system-classifier.js';

@Module({
  controllers: [RuleSetsController, RuleSimulationsController, DecisionsController],
  providers: [
    RuleEvaluator,
    RuleSetsService,
    SimulationService,
    SimulationWorker,
    DecisionsService,
    SystemClassifier,
    RuleSetsRepository,
    DecisionsRepository,
    RuleSimulationsRepository,
  ],
  exports: [RuleEvaluator, SystemClassifier, RuleSetsService, SimulationService, DecisionsService],
})
export class RulesModule {}
