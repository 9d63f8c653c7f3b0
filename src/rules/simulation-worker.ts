import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { type ClaimedRuleSimulation, RuleSimulationsRepository } from './repositories/rule-simulations.repository.js';
import { SimulationService, type SystemsSimulationProgress } from './simulation.service.js';

/**
 * How long a claim holds without news from its worker. Progress renews it after every page of
 * systems and at least every few seconds, so only a replica that died (or hung) lets it run out.
 */
const LEASE_MS = 60_000;
/** Runs of one simulation that may be lost (their replica died) before it is given up as failed. */
const MAX_ATTEMPTS = 3;

/**
 * Runs queued simulations against every registered AI system (`POST …/simulate` without facts).
 * Replicas share them: each is claimed with SKIP LOCKED under a lease; this worker runs one at a
 * time, in time slices (see SimulationService.simulateSystems), storing progress as it goes and
 * the result, or `failed` with the reason, at the end. When the service stops it gives the
 * simulation back, pending, for any replica to run again.
 */
@Injectable()
export class SimulationWorker implements OnModuleInit, BackgroundWorker {
  readonly name = 'rule-simulations';
  private readonly logger = new Logger(SimulationWorker.name);
  private readonly budgetMs: number;

  constructor(
    private readonly db: Database,
    private readonly simulations: RuleSimulationsRepository,
    private readonly simulation: SimulationService,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.budgetMs = config.get('simulationTimeoutMs', { infer: true });
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  /** One pass: claims and runs simulations one after the other until none is left; returns how many it finished. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    let finished = 0;
    while (!signal?.aborted) {
      const claim = await this.simulations.claim(this.db.manager, this.clock.now(), LEASE_MS, MAX_ATTEMPTS);
      if (!claim) break;
      // A claim that gave the simulation up has finished it (as failed).
      if (claim.status === 'failed' || (await this.run(claim, signal))) finished++;
    }
    return finished;
  }

  /** Runs one claimed simulation; false when it stopped unfinished (the service is stopping, or another claim took it over). */
  private async run(claim: ClaimedRuleSimulation, signal?: AbortSignal): Promise<boolean> {
    // Stops the run when the service stops, or when a progress write finds the claim taken over.
    const stop = new AbortController();
    const stopping = () => stop.abort();
    signal?.addEventListener('abort', stopping, { once: true });
    if (signal?.aborted) stop.abort();
    let lost = false;
    let progress: SystemsSimulationProgress | undefined;
    try {
      const outcome = await this.simulation.simulateSystems(claim.rule_set_key, claim.candidate_version, {
        signal: stop.signal,
        budgetMs: this.budgetMs,
        onProgress: async (now) => {
          progress = now;
          lost = !(await this.simulations.progress(this.db.manager, claim, now.evaluated, now.total, LEASE_MS));
          if (lost) stop.abort();
        },
      });
      const { evaluated, total } = outcome.progress;
      switch (outcome.kind) {
        case 'completed':
          await this.simulations.complete(this.db.manager, claim, evaluated, total, outcome.result, this.clock.now());
          return true;
        case 'failed':
          await this.simulations.fail(this.db.manager, claim, evaluated, total, outcome.error, this.clock.now());
          return true;
      }
      // Stopped: given back for any replica to run, unless another claim has taken it over.
      if (!lost) await this.simulations.release(this.db.manager, claim);
      return false;
    } catch (error) {
      this.logger.warn(`rule simulation ${claim.id} failed: ${String(error)}`);
      const reason = `The simulation failed: ${error instanceof Error ? error.message : String(error)}`;
      await this.simulations.fail(this.db.manager, claim, progress?.evaluated ?? 0, progress?.total ?? null, reason, this.clock.now());
      return true;
    } finally {
      signal?.removeEventListener('abort', stopping);
    }
  }
}
