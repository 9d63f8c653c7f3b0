import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlOne } from '../../database/sql.js';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { NonconformityEntity } from '../entities/nonconformity.entity.js';

/** Statuses of a nonconformity still being worked on by its process. */
const IN_PROGRESS = ['raised', 'contained', 'root-cause', 'planned', 'approved', 'implemented', 'effectiveness-review', 'reopened'] as const;

export type NonconformityFilter = Partial<Pick<NonconformityEntity, 'status' | 'severity' | 'source' | 'systemId' | 'auditId'>>;

/** The only code that reads and writes `nonconformities`. */
@Injectable()
export class NonconformitiesRepository {
  list(m: EntityManager, filter: NonconformityFilter, limit: number, offset: number): Promise<[NonconformityEntity[], number]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return m.getRepository(NonconformityEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, id: string): Promise<NonconformityEntity | undefined> {
    return (await m.getRepository(NonconformityEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<NonconformityEntity | undefined> {
    return (await m.getRepository(NonconformityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  insert(
    m: EntityManager,
    row: Omit<NonconformityEntity, 'id' | 'containment' | 'rootCause' | 'plan' | 'instanceId' | 'closedAt'>,
  ): Promise<NonconformityEntity> {
    const repo = m.getRepository(NonconformityEntity);
    return repo.save(repo.create(row));
  }

  save(m: EntityManager, row: NonconformityEntity): Promise<NonconformityEntity> {
    return m.getRepository(NonconformityEntity).save(row);
  }

  async setInstance(m: EntityManager, id: string, instanceId: string): Promise<void> {
    await m.getRepository(NonconformityEntity).update({ id }, { instanceId });
  }

  /** The nonconformities an audit raised, oldest first. */
  ofAudit(m: EntityManager, auditId: string): Promise<NonconformityEntity[]> {
    return m.getRepository(NonconformityEntity).find({ where: { auditId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async countOpenMajors(m: EntityManager, auditId: string): Promise<number> {
    const row = await sqlOne<{ open: number }>(
      m,
      `SELECT count(*)::int AS open FROM nonconformities WHERE audit_id = $1 AND severity = 'major' AND status <> 'closed'`,
      [auditId],
    );
    return row?.open ?? 0;
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'nonconformities', instanceId, IN_PROGRESS, at);
  }
}
