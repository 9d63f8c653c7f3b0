import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { IncidentEntity } from '../entities/incident.entity.js';
import { INCIDENT_IN_PROGRESS } from '../incident-vocabulary.js';

export interface IncidentFilter {
  systemId?: string;
  status?: string;
  serious?: boolean;
  /** Submitted after the deadline, or not submitted and the deadline passed (at `now`). */
  late?: boolean;
  now: Date;
}

/** The only code that reads and writes `incidents`. */
@Injectable()
export class IncidentsRepository {
  list(m: EntityManager, filter: IncidentFilter, limit: number, offset: number): Promise<[IncidentEntity[], number]> {
    const q = m.getRepository(IncidentEntity).createQueryBuilder('i').orderBy('i.createdAt', 'DESC').addOrderBy('i.id', 'ASC').take(limit).skip(offset);
    if (filter.systemId) q.andWhere('i.system_id = :systemId', { systemId: filter.systemId });
    if (filter.status) q.andWhere('i.status = :status', { status: filter.status });
    if (filter.serious !== undefined) q.andWhere(filter.serious ? 'i.serious IS TRUE' : 'i.serious IS NOT TRUE');
    if (filter.late !== undefined) {
      const late = `(i.deadline_at IS NOT NULL AND coalesce(i.submitted_at, :now) > i.deadline_at)`;
      q.andWhere(filter.late ? late : `NOT ${late}`, { now: filter.now });
    }
    return q.getManyAndCount();
  }

  async find(m: EntityManager, id: string): Promise<IncidentEntity | undefined> {
    return (await m.getRepository(IncidentEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<IncidentEntity | undefined> {
    return (await m.getRepository(IncidentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  insert(
    m: EntityManager,
    row: Pick<
      IncidentEntity,
      'systemId' | 'title' | 'description' | 'occurredAt' | 'awareAt' | 'effects' | 'widespread' | 'status' | 'reportedBy' | 'createdAt' | 'updatedAt'
    >,
  ): Promise<IncidentEntity> {
    const repo = m.getRepository(IncidentEntity);
    return repo.save(repo.create({ ...row, basis: [] }));
  }

  save(m: EntityManager, row: IncidentEntity): Promise<IncidentEntity> {
    return m.getRepository(IncidentEntity).save(row);
  }

  async setInstance(m: EntityManager, id: string, instanceId: string): Promise<void> {
    await m.getRepository(IncidentEntity).update({ id }, { instanceId });
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'incidents', instanceId, INCIDENT_IN_PROGRESS, at);
  }
}
