import { Injectable } from '@nestjs/common';
import { AiSystemsService } from '../ai-systems/ai-systems.service.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { RuleEvaluator } from '../rules/rule-evaluator.service.js';
import { systemFacts } from '../rules/system-classifier.js';
import type { ObligationDto, ObligationQueryDto, RegisterObligationDto, SystemObligationsDto } from './dto/obligation.dto.js';
import { ObligationError, ObligationErrorCode } from './obligations.errors.js';

export const OBLIGATIONS_RULE_SET = 'eu-ai-act-obligations';
const PAGE = 500;

type Obligation = Omit<ObligationDto, 'applies'>;

const byDate = (a: Obligation, b: Obligation) => a.appliesFrom.localeCompare(b.appliesFrom) || a.article.localeCompare(b.article, 'en', { numeric: true });

/**
 * The EU AI Act obligations calendar: what applies to each AI system given the organisation's
 * roles and the system's class, and from when, as the eu-ai-act-obligations rules say. Computed
 * when read (nothing is stored), so a new rule set version changes the calendar at once.
 */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly db: Database,
    private readonly systems: AiSystemsService,
    private readonly rules: RuleEvaluator,
    private readonly clock: Clock,
  ) {}

  async forSystem(id: string): Promise<SystemObligationsDto> {
    const system = await this.systems.find(this.db.manager, id);
    const version = await this.rules.activeVersion(OBLIGATIONS_RULE_SET);
    const facts = systemFacts({ attributes: system.attributes, roles: system.roles, thirdParty: system.thirdParty, riskClass: system.riskClass });
    const obligations = await this.evaluate(facts, version);
    const today = this.today();
    return {
      systemId: system.id,
      systemName: system.name,
      riskClass: system.riskClass,
      roles: system.roles,
      ruleSetVersion: version,
      obligations: obligations.map((o) => ({ ...o, applies: o.appliesFrom <= today })),
    };
  }

  /** Every obligation of every system not retired, earliest first; systems with the same facts are evaluated once. */
  async register(query: ObligationQueryDto): Promise<Page<RegisterObligationDto>> {
    const version = await this.rules.activeVersion(OBLIGATIONS_RULE_SET);
    const declared = Object.keys((await this.rules.compiledVersion(OBLIGATIONS_RULE_SET, version)).document.factsSchema.properties ?? {});
    const seen = new Map<string, Promise<Obligation[]>>();
    const from = query.appliesFrom?.slice(0, 10);
    const before = query.appliesBefore?.slice(0, 10);
    const today = this.today();
    const all: RegisterObligationDto[] = [];
    for (let afterId = '', rows; (rows = await this.systems.factsPage(afterId, PAGE)).length; afterId = rows[rows.length - 1].id) {
      for (const row of rows) {
        if (query.systemId && row.id !== query.systemId) continue;
        const key = JSON.stringify(declared.map((fact) => row.facts[fact] ?? null));
        if (!seen.has(key)) seen.set(key, this.evaluate(row.facts, version));
        for (const o of await seen.get(key)!) {
          if (from && o.appliesFrom < from) continue;
          if (before && o.appliesFrom >= before) continue;
          if (query.role && !o.roles.includes(query.role)) continue;
          if (query.source && o.source !== query.source) continue;
          all.push({ ...o, applies: o.appliesFrom <= today, systemId: row.id, systemName: row.name });
        }
      }
    }
    all.sort((a, b) => byDate(a, b) || a.systemName.localeCompare(b.systemName) || a.systemId.localeCompare(b.systemId));
    return page(all.slice(query.offset, query.offset + query.limit), all.length, query);
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  private async evaluate(facts: Record<string, unknown>, version: number): Promise<Obligation[]> {
    const { outcome } = await this.rules.evaluate(OBLIGATIONS_RULE_SET, facts, { version, pickDeclared: true });
    const list = outcome.obligations;
    const valid = (o: unknown): o is Obligation => {
      const x = o as Record<string, unknown>;
      return !!x && typeof x.id === 'string' && typeof x.article === 'string' && typeof x.appliesFrom === 'string' && Array.isArray(x.roles);
    };
    if (!Array.isArray(list) || !list.every(valid)) {
      throw new ObligationError(
        ObligationErrorCode.InvalidOutcome,
        `Rule set ${OBLIGATIONS_RULE_SET} version ${version} gives "obligations" that are not a list of {id, article, title, roles, appliesFrom, source, sourceRef}`,
        [{ pointer: '/outcome/obligations', message: 'must be a list of obligations' }],
      );
    }
    return [...list].sort(byDate);
  }
}
