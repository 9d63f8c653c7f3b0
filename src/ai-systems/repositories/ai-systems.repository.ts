import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { hydrate } from '../../database/rows.js';
import { sql, sqlOne } from '../../database/sql.js';
import type { AiSystemQueryDto } from '../dto/ai-system.dto.js';
import { AiSystemEntity } from '../entities/ai-system.entity.js';

/** Columns a change may set; `version` and `updated_at` move with every change. */
export type AiSystemChange = Partial<
  Pick<
    AiSystemEntity,
    | 'name'
    | 'description'
    | 'intendedPurpose'
    | 'owner'
    | 'roles'
    | 'model'
    | 'thirdParty'
    | 'attributes'
    | 'status'
    | 'riskClass'
    | 'legalBasis'
    | 'transparencyObligations'
    | 'requiredControls'
    | 'impactLevel'
    | 'classificationDecisionId'
    | 'controlsDecisionId'
    | 'retiredAt'
  >
>;

export interface SystemFactsRow {
  id: string;
  name: string;
  roles: string[];
  third_party: boolean;
  attributes: Record<string, unknown>;
  risk_class: string | null;
  impact_level: string | null;
}

/**
 * The only code that reads and writes `ai_systems`. Every write goes through `update` (or `insert`)
 * and moves the row's `version`, so an ETag read before any change (a model version, a status, a
 * re-classification) no longer matches.
 */
@Injectable()
export class AiSystemsRepository {
  insert(m: EntityManager, system: AiSystemEntity): Promise<AiSystemEntity> {
    return m.getRepository(AiSystemEntity).save(system);
  }

  async find(m: EntityManager, id: string): Promise<AiSystemEntity | undefined> {
    return (await m.getRepository(AiSystemEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<AiSystemEntity | undefined> {
    return (await m.getRepository(AiSystemEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** Applies the change and moves the version; returns the row as stored. */
  async update(m: EntityManager, id: string, change: AiSystemChange, at: Date): Promise<AiSystemEntity> {
    const result = await m
      .createQueryBuilder()
      .update(AiSystemEntity)
      .set({ ...change, updatedAt: at, version: () => 'version + 1' } as QueryDeepPartialEntity<AiSystemEntity>)
      .where('id = :id', { id })
      .returning('*')
      .execute();
    return hydrate(m, AiSystemEntity, (result.raw as Array<Record<string, unknown>>)[0]);
  }

  list(m: EntityManager, query: AiSystemQueryDto): Promise<[AiSystemEntity[], number]> {
    const qb = m.getRepository(AiSystemEntity).createQueryBuilder('s');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.role) qb.andWhere(':role = ANY(s.roles)', { role: query.role });
    if (query.useCase) qb.andWhere(`s.attributes @> jsonb_build_object('useCases', jsonb_build_array(:useCase::text))`, { useCase: query.useCase });
    if (query.riskClass) qb.andWhere('s.risk_class = :riskClass', { riskClass: query.riskClass });
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      qb.andWhere('(s.name ILIKE :pattern OR s.intended_purpose ILIKE :pattern)', { pattern });
    }
    return qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id').take(query.limit).skip(query.offset).getManyAndCount();
  }

  /** Systems not retired, ordered by id, locked for re-classification (`limit` from `offset`). */
  lockNotRetired(m: EntityManager, offset: number, limit: number): Promise<AiSystemEntity[]> {
    return m
      .getRepository(AiSystemEntity)
      .createQueryBuilder('s')
      .where(`s.status <> 'retired'`)
      .orderBy('s.id')
      .skip(offset)
      .take(limit)
      .setLock('pessimistic_write')
      .getMany();
  }

  /** How many systems are not retired. */
  async countNotRetired(m: EntityManager): Promise<number> {
    return (await sqlOne<{ n: number }>(m, `SELECT count(*)::int AS n FROM ai_systems WHERE status <> 'retired'`))!.n;
  }

  /** The facts of systems not retired, ordered by id, after `afterId`. */
  factsPage(m: EntityManager, afterId: string, limit: number): Promise<SystemFactsRow[]> {
    return sql<SystemFactsRow>(
      m,
      `SELECT id, name, roles, third_party, attributes, risk_class, impact_level FROM ai_systems
        WHERE status <> 'retired' AND id::text > $1 ORDER BY id::text LIMIT $2`,
      [afterId, limit],
    );
  }

  /** Systems not retired that use the model (provider and name). */
  async usingModel(m: EntityManager, provider: string, modelName: string): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      m,
      `SELECT id FROM ai_systems WHERE model->>'provider' = $1 AND model->>'name' = $2 AND status <> 'retired' ORDER BY id`,
      [provider, modelName],
    );
    return rows.map((row) => row.id);
  }

  /** Systems in the scope of the AIMS (neither retired nor out of scope), by name. */
  inScope(m: EntityManager): Promise<AiSystemEntity[]> {
    return m
      .getRepository(AiSystemEntity)
      .createQueryBuilder('s')
      .where(`s.status NOT IN ('retired', 'out-of-scope')`)
      .orderBy('s.name')
      .addOrderBy('s.id')
      .getMany();
  }
}
