import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { configureEngineLimits, configureFeel, stopFeelSandbox, warmUpFeelSandbox } from '../engine/process/index.js';
import { configureRuleSetLimits } from '../engine/rules/index.js';
import type { AppConfig } from './app-config.js';

/**
 * Hands the configured limits to the engine (plain TypeScript, configured once per process) before
 * any definition or rule set is deployed, and starts the FEEL sandbox's worker ahead of its first use.
 */
@Injectable()
export class EngineSettings implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  onModuleInit(): void {
    const get = <K extends keyof AppConfig>(key: K): AppConfig[K] => this.config.get(key, { infer: true });
    configureFeel({ timeMs: get('feelTimeoutMs'), memoryMb: get('feelMemoryMb'), stepMs: get('feelStepBudgetMs') });
    configureEngineLimits({
      maxElements: get('bpmnMaxElements'),
      maxForkWidth: get('bpmnMaxForkWidth'),
      maxNesting: get('bpmnMaxNesting'),
      maxMultiInstanceItems: get('maxMultiInstanceItems'),
      minCyclePeriodMs: get('timerMinCycleMs'),
    });
    configureRuleSetLimits({ maxRules: get('rulesMaxRules'), maxDepth: get('rulesMaxDepth'), maxConditions: get('rulesMaxConditions') });
    warmUpFeelSandbox();
  }

  onModuleDestroy(): void {
    stopFeelSandbox();
  }
}
