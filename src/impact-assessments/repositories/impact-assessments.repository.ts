import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { sqlOne } from '../../database/sql.js';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { type AssessmentStatus, ImpactAssessmentEntity } from '../entities/impact-assessment.entity.js';

/** Statuses of an assessment still being worked on by its process. */
const IN_PROGRESS = ['draft', 'in-review'] as const;

/** The only code that reads and writes `impact_assessments`. */
@Injectable()
export class ImpactAssessmentsRepository {
  list(m: EntityManager, filter: { systemId?: string; status?: AssessmentStatus }, limit: number, offset: number): Promise<[ImpactAssessmentEntity[], number]> {
    return m.getRepository(ImpactAssessmentEntity).findAndCount({
      where: { ...(filter.systemId ? { systemId: filter.systemId } : {}), ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'DESC', version: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async find(m: EntityManager, id: string): Promise<ImpactAssessmentEntity | undefined> {
    return (await m.getRepository(ImpactAssessmentEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<ImpactAssessmentEntity | undefined> {
    return (await m.getRepository(ImpactAssessmentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** The system's assessments in these statuses, locked, oldest first. */
  lockWithStatus(m: EntityManager, systemId: string, statuses: AssessmentStatus[]): Promise<ImpactAssessmentEntity[]> {
    return m
      .getRepository(ImpactAssessmentEntity)
      .find({ where: { systemId, status: In(statuses) }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** The newest assessment of the system that its process is still working on. */
  async inProgressFor(m: EntityManager, systemId: string): Promise<ImpactAssessmentEntity | undefined> {
    return (
      (await m
        .getRepository(ImpactAssessmentEntity)
        .findOne({ where: { systemId, status: In([...IN_PROGRESS]) }, order: { createdAt: 'DESC', version: 'DESC' } })) ?? undefined
    );
  }

  /** Serialises version numbering of one system's assessments until the transaction ends. */
  async lockVersions(m: EntityManager, systemId: string): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.impact-assessment:' || $1))`, [systemId]);
    const row = await sqlOne<{ next: number }>(m, `SELECT coalesce(max(version), 0) + 1 AS next FROM impact_assessments WHERE system_id = $1`, [systemId]);
    return row!.next;
  }

  insert(
    m: EntityManager,
    row: Omit<ImpactAssessmentEntity, 'id' | 'individuals' | 'groups' | 'society' | 'organisation' | 'fria' | 'impactLevel' | 'supersededBy' | 'approvedAt'>,
  ): Promise<ImpactAssessmentEntity> {
    const repo = m.getRepository(ImpactAssessmentEntity);
    return repo.save(repo.create(row));
  }

  save(m: EntityManager, row: ImpactAssessmentEntity): Promise<ImpactAssessmentEntity> {
    return m.getRepository(ImpactAssessmentEntity).save(row);
  }

  async update(
    m: EntityManager,
    id: string,
    change: Partial<Pick<ImpactAssessmentEntity, 'status' | 'reasons' | 'supersededBy' | 'updatedAt'>>,
  ): Promise<void> {
    await m.getRepository(ImpactAssessmentEntity).update({ id }, change);
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'impact_assessments', instanceId, IN_PROGRESS, at);
  }
}
