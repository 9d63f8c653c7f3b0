import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Page, page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import type { DecisionQueryDto } from './dto/rules.dto.js';
import type { DecisionEntity } from './entities/decision.entity.js';
import { type DecisionOrderRow, DecisionsRepository } from './repositories/decisions.repository.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { RulesError, RulesErrorCode } from './rules.errors.js';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly db: Database,
    private readonly decisions: DecisionsRepository,
    private readonly rules: RuleEvaluator,
  ) {}

  /** POST /decisions/{key}: the active version on the given facts; nothing is stored. */
  async evaluate(key: string, facts: Record<string, unknown> | undefined) {
    if (!facts) throw new RulesError(RulesErrorCode.InvalidFacts, 'Send the facts to evaluate as {"facts": {...}}', [{ pointer: '/facts', message: 'is required' }]);
    const { version, outcome, events, explanation } = await this.rules.evaluate(key, facts);
    return { ruleSet: key, version, outcome, events, explanation };
  }

  async forSubject(subjectType: string, subjectId: string, query: DecisionQueryDto): Promise<Page<DecisionEntity>> {
    const [items, total] = await this.decisions.forSubject(this.db.manager, subjectType, subjectId, query.ruleSet, query.limit, query.offset);
    return page(items, total, query);
  }

  async get(id: string): Promise<DecisionEntity> {
    const decision = await this.decisions.find(this.db.manager, id);
    if (!decision) throw new RulesError(RulesErrorCode.DecisionNotFound, `No decision with id ${id}`);
    return decision;
  }

  /** Decisions whose trigger starts with `prefix` (e.g. those taken inside one process instance), oldest first. */
  triggeredBy(m: EntityManager, prefix: string): Promise<DecisionOrderRow[]> {
    return this.decisions.withTriggerPrefix(m, prefix);
  }
}
