import { Injectable } from '@nestjs/common';
import { canonicalJson } from '../common/canonical-json.js';
import { DomainError } from '../common/domain-error.js';
import type { FactsSimulationDto, SimulationDto, SystemsSimulationDto, SystemWithInvalidFactsDto } from './dto/simulation.dto.js';
import { RuleEvaluator } from './rule-evaluator.service.js';

const BATCH = 1000;
/** Changes listed in full; beyond that only counted. */
const MAX_LISTED_CHANGES = 1000;

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
  page(afterId: string, limit: number): Promise<SimulationSubject[]>;
}

/** What a candidate version would decide, compared with the active one. Never changes stored state. */
@Injectable()
export class SimulationService {
  private subjects?: SimulationSubjects;

  constructor(private readonly rules: RuleEvaluator) {}

  /** Called once, by the AI system register, in its `onModuleInit`. */
  useSubjects(subjects: SimulationSubjects): void {
    this.subjects = subjects;
  }

  /** With facts: the candidate beside the active version on them; without: every registered AI system. */
  simulate(key: string, version: number, facts: Record<string, unknown> | undefined): Promise<SimulationDto> {
    return facts ? this.simulateFacts(key, version, facts) : this.simulateSystems(key, version);
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

  /** Every registered (not retired) AI system through the candidate and the active version. */
  async simulateSystems(key: string, version: number): Promise<SystemsSimulationDto> {
    await this.rules.compiledVersion(key, version); // 404 before any work for an unknown version
    const activeVersion = await this.rules.activeVersion(key).catch(() => null);
    const started = performance.now();
    const changes: SystemOutcomeChange[] = [];
    const errors: SystemWithInvalidFactsDto[] = [];
    let evaluated = 0;
    let changed = 0;
    for (let after = ''; this.subjects;) {
      const subjects = await this.subjects.page(after, BATCH);
      // One at a time: json-rules-engine runs slower when many runs interleave (measured ~3.5x).
      for (const subject of subjects) {
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
        }
      }
      if (subjects.length < BATCH) break;
      after = subjects[subjects.length - 1].id;
    }
    changes.sort((a, b) => a.name.localeCompare(b.name));
    return {
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
  }
}
