import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Page, page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import type { DecisionQueryDto } from './dto/rules.dto.js';
import { type DecisionDto, type EvaluationDto, toDecisionDto, toEvaluationDto } from './dto/decision.dto.js';
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
  async evaluate(key: string, facts: Record<string, unknown> | undefined): Promise<EvaluationDto> {
    if (!facts)
      throw new RulesError(RulesErrorCode.InvalidFacts, 'Send the facts to evaluate as {"facts": {...}}', [{ pointer: '/facts', message: 'is required' }]);
    return toEvaluationDto(await this.rules.evaluate(key, facts));
  }

  async forSubject(subjectType: string, subjectId: string, query: DecisionQueryDto): Promise<Page<DecisionDto>> {
    const [items, total] = await this.decisions.forSubject(this.db.manager, subjectType, subjectId, query.ruleSet, query.limit, query.offset);
    return page(items.map(toDecisionDto), total, query);
  }

  async get(id: string): Promise<DecisionDto> {
    const decision = await this.decisions.find(this.db.manager, id);
    if (!decision) throw new RulesError(RulesErrorCode.DecisionNotFound, `No decision with id ${id}`);
    return toDecisionDto(decision);
  }

  /** Decisions taken in [from, to), oldest first, a page at a time (audit packs); with `subjectIds`, only those about these subjects. */
  async takenBetween(from: Date, to: Date, subjectIds: string[], limit: number, offset: number): Promise<DecisionDto[]> {
    return (await this.decisions.takenBetween(this.db.manager, from, to, subjectIds, limit, offset)).map(toDecisionDto);
  }

  /** Decisions whose trigger starts with `prefix` (e.g. those taken inside one process instance), oldest first. */
  triggeredBy(m: EntityManager, prefix: string): Promise<DecisionOrderRow[]> {
    return this.decisions.withTriggerPrefix(m, prefix);
  }
}
