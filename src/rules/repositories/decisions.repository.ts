import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import type { RuleExplanation } from '../../engine/rules/index.js';
import { DecisionEntity } from '../entities/decision.entity.js';

export interface NewDecision {
  ruleSetKey: string;
  ruleSetVersion: number;
  subjectType: string;
  subjectId: string;
  trigger: string;
  facts: Record<string, unknown>;
  outcome: Record<string, unknown>;
  explanation: RuleExplanation[];
  actor: string;
  createdAt: Date;
}

/** Where a decision sits among those of one trigger prefix. */
export interface DecisionOrderRow {
  id: string;
  trigger: string;
  created_at: Date;
}

/** The only code that reads and writes `decisions` (append-only). */
@Injectable()
export class DecisionsRepository {
  async insert(m: EntityManager, decision: NewDecision): Promise<string> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO decisions (rule_set_key, rule_set_version, subject_type, subject_id, trigger, facts, outcome, explanation, actor, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        decision.ruleSetKey,
        decision.ruleSetVersion,
        decision.subjectType,
        decision.subjectId,
        decision.trigger,
        JSON.stringify(decision.facts),
        JSON.stringify(decision.outcome),
        JSON.stringify(decision.explanation),
        decision.actor,
        decision.createdAt,
      ],
    );
    return row!.id;
  }

  forSubject(
    m: EntityManager,
    subjectType: string,
    subjectId: string,
    ruleSetKey: string | undefined,
    limit: number,
    offset: number,
  ): Promise<[DecisionEntity[], number]> {
    return m.getRepository(DecisionEntity).findAndCount({
      where: { subjectType, subjectId, ...(ruleSetKey ? { ruleSetKey } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  takenBetween(m: EntityManager, from: Date, to: Date, subjectIds: string[], limit: number, offset: number): Promise<DecisionEntity[]> {
    const qb = m.getRepository(DecisionEntity).createQueryBuilder('d').where('d.created_at >= :from AND d.created_at < :to', { from, to });
    if (subjectIds.length) qb.andWhere('d.subject_id IN (:...subjectIds)', { subjectIds });
    return qb.orderBy('d.created_at', 'ASC').addOrderBy('d.id', 'ASC').take(limit).skip(offset).getMany();
  }

  async find(m: EntityManager, id: string): Promise<DecisionEntity | undefined> {
    return (await m.getRepository(DecisionEntity).findOneBy({ id })) ?? undefined;
  }

  /** Decisions whose trigger starts with `prefix` (e.g. `process:<instance>/`), oldest first. */
  withTriggerPrefix(m: EntityManager, prefix: string): Promise<DecisionOrderRow[]> {
    return sql<DecisionOrderRow>(m, `SELECT id, trigger, created_at FROM decisions WHERE trigger LIKE $1 ORDER BY created_at, trigger, id`, [
      `${prefix.replace(/[\\%_]/g, (c) => '\\' + c)}%`,
    ]);
  }
}
