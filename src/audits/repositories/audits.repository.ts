import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { AuditEntity } from '../entities/audit.entity.js';

/** Statuses of an audit still being worked on by its process. */
const IN_PROGRESS = ['active', 'in-progress', 'awaiting-nonconformities'] as const;

/** The only code that reads and writes `audits`. */
@Injectable()
export class AuditsRepository {
  list(m: EntityManager, filter: { type?: string; status?: string }, limit: number, offset: number): Promise<[AuditEntity[], number]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return m.getRepository(AuditEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, id: string): Promise<AuditEntity | undefined> {
    return (await m.getRepository(AuditEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<AuditEntity | undefined> {
    return (await m.getRepository(AuditEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  insert(m: EntityManager, row: Partial<AuditEntity>): Promise<AuditEntity> {
    const repo = m.getRepository(AuditEntity);
    return repo.save(repo.create(row));
  }

  save(m: EntityManager, row: AuditEntity): Promise<AuditEntity> {
    return m.getRepository(AuditEntity).save(row);
  }

  async setInstance(m: EntityManager, id: string, instanceId: string): Promise<void> {
    await m.getRepository(AuditEntity).update({ id }, { instanceId });
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'audits', instanceId, IN_PROGRESS, at);
  }
}
