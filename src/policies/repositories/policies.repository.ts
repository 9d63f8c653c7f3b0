import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { PolicyAcknowledgementEntity, PolicyEntity } from '../entities/policy.entity.js';
import { POLICY_IN_PROGRESS } from '../policy-vocabulary.js';

export type PolicyFilter = Partial<Pick<PolicyEntity, 'status' | 'seriesId' | 'kind'>>;

/** The only code that reads and writes `policies` and `policy_acknowledgements`. */
@Injectable()
export class PoliciesRepository {
  list(m: EntityManager, filter: PolicyFilter, limit: number, offset: number): Promise<[PolicyEntity[], number]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return m.getRepository(PolicyEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, id: string): Promise<PolicyEntity | undefined> {
    return (await m.getRepository(PolicyEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<PolicyEntity | undefined> {
    return (await m.getRepository(PolicyEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** The next version number of a series; the caller holds the previous version's row lock. */
  async nextVersion(m: EntityManager, seriesId: string): Promise<number> {
    return (await sqlOne<{ next: number }>(m, `SELECT coalesce(max(version), 0)::int + 1 AS next FROM policies WHERE series_id = $1`, [seriesId]))!.next;
  }

  insert(m: EntityManager, row: Omit<PolicyEntity, 'supersededBy' | 'reviewInterval' | 'nextReviewAt' | 'publishedAt' | 'instanceId'>): Promise<PolicyEntity> {
    const repo = m.getRepository(PolicyEntity);
    return repo.save(repo.create(row));
  }

  save(m: EntityManager, row: PolicyEntity): Promise<PolicyEntity> {
    return m.getRepository(PolicyEntity).save(row);
  }

  async setInstance(m: EntityManager, id: string, instanceId: string): Promise<void> {
    await m.getRepository(PolicyEntity).update({ id }, { instanceId });
  }

  /** Records the acknowledgement once; returns it (the first one when it existed). */
  async acknowledge(m: EntityManager, policyId: string, identity: string, at: Date): Promise<PolicyAcknowledgementEntity> {
    await sql(m, `INSERT INTO policy_acknowledgements (policy_id, identity, acknowledged_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      policyId,
      identity,
      at,
    ]);
    return (await m.getRepository(PolicyAcknowledgementEntity).findOneBy({ policyId, identity }))!;
  }

  acknowledgements(m: EntityManager, policyId: string): Promise<PolicyAcknowledgementEntity[]> {
    return m.getRepository(PolicyAcknowledgementEntity).find({ where: { policyId }, order: { acknowledgedAt: 'ASC', identity: 'ASC' } });
  }

  /** Policies naming the role among those that must acknowledge (not superseded or withdrawn ones). */
  async namingRole(m: EntityManager, role: string): Promise<string[]> {
    const rows = await sql<{ title: string; version: number }>(
      m,
      `SELECT title, version FROM policies WHERE $1 = ANY(acknowledged_by_roles) AND status NOT IN ('superseded', 'withdrawn') ORDER BY title, version`,
      [role],
    );
    return rows.map((row) => `${row.title} v${row.version}`);
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'policies', instanceId, POLICY_IN_PROGRESS, at);
  }
}
