import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Page, page } from '../common/pagination.js';
import type { DecisionQueryDto } from './dto/rules.dto.js';
import { DecisionEntity } from './entities/decision.entity.js';
import { RuleEvaluator } from './rule-evaluator.service.js';
import { RulesError, RulesErrorCode } from './rules.errors.js';

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleEvaluator,
  ) {}

  /** POST /decisions/{key}: the active version on the given facts; nothing is stored. */
  async evaluate(key: string, facts: Record<string, unknown> | undefined) {
    if (!facts) throw new RulesError(RulesErrorCode.InvalidFacts, 'Send the facts to evaluate as {"facts": {...}}', [{ pointer: '/facts', message: 'is required' }]);
    const { version, outcome, events, explanation } = await this.rules.evaluate(key, facts);
    return { ruleSet: key, version, outcome, events, explanation };
  }

  async forSubject(subjectType: string, subjectId: string, query: DecisionQueryDto): Promise<Page<DecisionEntity>> {
    const [items, total] = await this.dataSource.getRepository(DecisionEntity).findAndCount({
      where: { subjectType, subjectId, ...(query.ruleSet ? { ruleSetKey: query.ruleSet } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(items, total, query);
  }

  async get(id: string): Promise<DecisionEntity> {
    const decision = await this.dataSource.getRepository(DecisionEntity).findOneBy({ id });
    if (!decision) throw new RulesError(RulesErrorCode.DecisionNotFound, `No decision with id ${id}`);
    return decision;
  }
}
