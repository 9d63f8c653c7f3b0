import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { canonicalJson } from '../common/canonical-json.js';
import { DomainError } from '../common/domain-error.js';
import { type Page, page } from '../common/pagination.js';
import { TimeSlices } from '../common/time-slices.js';
import { Database } from '../database/database.js';
import { WorkerHost } from '../workers/worker-host.js';
import {
  type RuleSimulationDto,
  type RuleSimulationQueryDto,
  type RuleSimulationSummaryDto,
  toRuleSimulationDto,
  toRuleSimulationSummaryDto,
} from './dto/rule-simulation.dto.js';
import type { FactsSimulationDto, SystemsSimulationDto, SystemWithInvalidFactsDto } from './dto/simulation.dto.js';
import { RuleSimulationsRepository } from './repositories/rule-simulations.repository.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { RulesError, RulesErrorCode } from './rules.errors.js';

const BATCH = 1000;
/** Changes listed in full; beyond that only counted. */
const MAX_LISTED_CHANGES = 1000;
/** Progress is reported after every page of systems, and within a long page at least this often. */
const PROGRESS_EVERY_MS = 5000;

export interface SystemOutcomeChange {
  systemId: string;
  name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** One registered subject as a simulation sees it: its facts. */
export interface SimulationSubject {
  id: string;
  name: string;
  facts: Record<string, unknown>;
}

/**
 * Where simulations find the register: the AI system register registers itself (it depends on the
 * rules module, not the other way round). Pages are ordered by id, starting after `afterId`.
 */
export interface SimulationSubjects {
  /** How many there are now. */
  count(): Promise<number>;
  page(afterId: string, limit: number): Promise<SimulationSubject[]>;
}

/** How far a run against every system has come: systems gone through (invalid facts included) of those registered. */
export interface SystemsSimulationProgress {
  evaluated: number;
  total: number;
}

/** How a run against every system is bounded and followed. */
export interface SystemsSimulationControl {
  /** Once aborted, the run stops before its next system. */
  signal?: AbortSignal;
  /** Wall-clock time the run may take; past it, it stops before its next system and fails. */
  budgetMs?: number;
  /** Called at the start, after every page of systems, and within a long page every few seconds. */
  onProgress?(progress: SystemsSimulationProgress): Promise<void>;
}

export type SystemsSimulationOutcome =
  | { kind: 'completed'; result: SystemsSimulationDto; progress: SystemsSimulationProgress }
  | { kind: 'failed'; error: string; progress: SystemsSimulationProgress }
  | { kind: 'stopped'; progress: SystemsSimulationProgress };

/**
 * What a candidate version would decide, compared with the active one. Never changes the rule sets,
 * decisions or AI systems. On given facts it answers at once; against every registered AI system
 * it is queued as a simulation (`rule_simulations`) that the `rule-simulations` background worker
 * runs in time slices, so no request and no simulation holds the CPU.
 */
@Injectable()
export class SimulationService {
  private readonly logger = new Logger(SimulationService.name);
  private subjects?: SimulationSubjects;

  constructor(
    private readonly rules: RuleEvaluator,
    private readonly db: Database,
    private readonly simulations: RuleSimulationsRepository,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
  ) {}

  /** Called once, by the AI system register, in its `onModuleInit`. */
  useSubjects(subjects: SimulationSubjects): void {
    this.subjects = subjects;
  }

  /** With facts: the candidate beside the active version on them; without: a queued simulation against every registered AI system. */
  simulate(key: string, version: number, facts: Record<string, unknown> | undefined, actor: Actor): Promise<FactsSimulationDto | RuleSimulationDto> {
    return facts ? this.simulateFacts(key, version, facts) : this.queueSystems(key, version, actor);
  }

  async simulateFacts(key: string, version: number, facts: Record<string, unknown>): Promise<FactsSimulationDto> {
    const candidate = await this.rules.evaluate(key, facts, { version });
    const activeVersion = await this.rules.activeVersion(key).catch(() => null);
    const active = activeVersion === null ? null : await this.rules.evaluate(key, facts, { version: activeVersion });
    return {
      mode: 'facts',
      candidate: { version, outcome: candidate.outcome, events: candidate.events, explanation: candidate.explanation },
      active: active && { version: active.version, outcome: active.outcome },
      changed: !active || canonicalJson(active.outcome) !== canonicalJson(candidate.outcome),
    };
  }

  /** Stores a pending simulation of the version against every system and has the worker start on it at once. */
  async queueSystems(key: string, version: number, actor: Actor): Promise<RuleSimulationDto> {
    await this.rules.compiledVersion(key, version); // 404 before anything is stored
    const row = await this.db.transaction((m) =>
      this.simulations.insert<SystemsSimulationDto>(m, { ruleSetKey: key, candidateVersion: version, createdBy: actor.subject, createdAt: this.clock.now() }),
    );
    // Not awaited: the request answers 202 while the worker runs it (the poll finds it otherwise).
    this.workers.run('rule-simulations').catch((error: unknown) => this.logger.warn(`rule-simulations pass failed, will run again: ${String(error)}`));
    return toRuleSimulationDto(row);
  }

  async get(id: string): Promise<RuleSimulationDto> {
    const row = await this.simulations.find<SystemsSimulationDto>(this.db.manager, id);
    if (!row) throw new RulesError(RulesErrorCode.SimulationNotFound, `No rule simulation with id ${id}`);
    return toRuleSimulationDto(row);
  }

  /** Newest first, without results. */
  async list(query: RuleSimulationQueryDto): Promise<Page<RuleSimulationSummaryDto>> {
    const [rows, total] = await this.simulations.list(this.db.manager, query);
    return page(rows.map(toRuleSimulationSummaryDto), total, query);
  }

  /**
   * Every registered (not retired) AI system through the candidate and the active version, one at
   * a time (json-rules-engine runs slower when many runs interleave, measured ~3.5x), yielding to
   * the event loop after every slice of evaluation. Stops between systems when `control.signal`
   * aborts or the budget runs out.
   */
  async simulateSystems(key: string, version: number, control: SystemsSimulationControl = {}): Promise<SystemsSimulationOutcome> {
    await this.rules.compiledVersion(key, version);
    const activeVersion = await this.rules.activeVersion(key).catch(() => null);
    const started = performance.now();
    const slices = new TimeSlices();
    const total = (await this.subjects?.count()) ?? 0;
    const changes: SystemOutcomeChange[] = [];
    const errors: SystemWithInvalidFactsDto[] = [];
    let seen = 0;
    let evaluated = 0;
    let changed = 0;
    let reported = performance.now();
    const progress = (): SystemsSimulationProgress => ({ evaluated: seen, total: Math.max(total, seen) });
    const report = async () => {
      reported = performance.now();
      await control.onProgress?.(progress());
    };
    await report();
    for (let after = ''; this.subjects;) {
      const subjects = await this.subjects.page(after, BATCH);
      for (const subject of subjects) {
        await slices.yieldIfDue();
        if (control.signal?.aborted) return { kind: 'stopped', progress: progress() };
        if (control.budgetMs !== undefined && performance.now() - started > control.budgetMs) {
          const error = `The time budget of ${control.budgetMs} ms (AIMSFLOW_SIMULATION_TIMEOUT_MS) was exceeded after ${seen} of ${total} systems were evaluated`;
          return { kind: 'failed', error, progress: progress() };
        }
        if (performance.now() - reported >= PROGRESS_EVERY_MS) await report();
        try {
          const candidate = await this.rules.evaluate(key, subject.facts, { version, pickDeclared: true });
          const active = activeVersion === null ? null : await this.rules.evaluate(key, subject.facts, { version: activeVersion, pickDeclared: true });
          evaluated++;
          if (active && canonicalJson(active.outcome) === canonicalJson(candidate.outcome)) continue;
          changed++;
          if (changes.length < MAX_LISTED_CHANGES)
            changes.push({ systemId: subject.id, name: subject.name, before: active?.outcome ?? null, after: candidate.outcome });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          errors.push({ systemId: subject.id, name: subject.name, errors: error.errors });
        } finally {
          seen++;
        }
      }
      if (subjects.length < BATCH) break;
      after = subjects[subjects.length - 1].id;
      await report();
    }
    changes.sort((a, b) => a.name.localeCompare(b.name));
    const result: SystemsSimulationDto = {
      mode: 'systems',
      candidateVersion: version,
      activeVersion,
      systemsEvaluated: evaluated,
      systemsChanged: changed,
      changes,
      changesTruncated: changed > changes.length,
      systemsWithInvalidFacts: errors,
      durationMs: Math.round(performance.now() - started),
    };
    return { kind: 'completed', result, progress: { evaluated: seen, total: seen } };
  }
}
