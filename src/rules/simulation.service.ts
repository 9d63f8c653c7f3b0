import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AiSystemEntity } from '../ai-systems/entities/ai-system.entity.js';
import { canonicalJson } from '../common/canonical-json.js';
import { DomainError } from '../common/domain-error.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { systemFacts } from './system-classifier.js';

const BATCH = 1000;
/** Changes listed in full; beyond that only counted. */
const MAX_LISTED_CHANGES = 1000;

export interface SystemOutcomeChange {
  systemId: string;
  name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** What a candidate version would decide, compared with the active one. Never changes stored state. */
@Injectable()
export class SimulationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleEvaluator,
  ) {}

  async simulateFacts(key: string, version: number, facts: Record<string, unknown>) {
    const candidate = await this.rules.evaluate(key, facts, { version });
    const activeVersion = await this.rules.activeVersion(key).catch(() => null);
    const active = activeVersion === null ? null : await this.rules.evaluate(key, facts, { version: activeVersion });
    return {
      mode: 'facts' as const,
      candidate: { version, outcome: candidate.outcome, events: candidate.events, explanation: candidate.explanation },
      active: active && { version: active.version, outcome: active.outcome },
      changed: !active || canonicalJson(active.outcome) !== canonicalJson(candidate.outcome),
    };
  }

  /** Every registered (not retired) AI system through the candidate and the active version. */
  async simulateSystems(key: string, version: number) {
    await this.rules.compiledVersion(key, version); // 404 before any work for an unknown version
    const activeVersion = await this.rules.activeVersion(key).catch(() => null);
    const started = performance.now();
    const changes: SystemOutcomeChange[] = [];
    const errors: Array<{ systemId: string; name: string; errors: unknown }> = [];
    let evaluated = 0;
    let changed = 0;
    for (let after = ''; ; ) {
      const rows: Array<Record<string, unknown>> = await this.dataSource.query(
        `SELECT id, name, roles, third_party, attributes, risk_class, impact_level FROM ai_systems
          WHERE status <> 'retired' AND id::text > $1 ORDER BY id::text LIMIT $2`,
        [after, BATCH],
      );
      // One at a time: json-rules-engine runs slower when many runs interleave (measured ~3.5x).
      for (const row of rows) {
        const facts = systemFacts({
          attributes: row.attributes,
          roles: row.roles,
          thirdParty: row.third_party,
          riskClass: row.risk_class,
          impactLevel: row.impact_level,
        } as AiSystemEntity);
        try {
          const candidate = await this.rules.evaluate(key, facts, { version, pickDeclared: true });
          const active = activeVersion === null ? null : await this.rules.evaluate(key, facts, { version: activeVersion, pickDeclared: true });
          evaluated++;
          if (active && canonicalJson(active.outcome) === canonicalJson(candidate.outcome)) continue;
          changed++;
          if (changes.length < MAX_LISTED_CHANGES) {
            changes.push({ systemId: row.id as string, name: row.name as string, before: active?.outcome ?? null, after: candidate.outcome });
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          errors.push({ systemId: row.id as string, name: row.name as string, errors: error.errors });
        }
      }
      if (rows.length < BATCH) break;
      after = String(rows[rows.length - 1].id);
    }
    changes.sort((a, b) => a.name.localeCompare(b.name));
    return {
      mode: 'systems' as const,
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
