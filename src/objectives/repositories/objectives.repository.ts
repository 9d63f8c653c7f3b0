import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { ObjectiveEntity, ObjectiveMeasurementEntity } from '../entities/objective.entity.js';

/** The only code that reads and writes `objectives` and `objective_measurements`. */
@Injectable()
export class ObjectivesRepository {
  list(m: EntityManager, filter: { status?: string }, limit: number, offset: number): Promise<[ObjectiveEntity[], number]> {
    const where = filter.status ? { status: filter.status } : {};
    return m.getRepository(ObjectiveEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, id: string): Promise<ObjectiveEntity | undefined> {
    return (await m.getRepository(ObjectiveEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<ObjectiveEntity | undefined> {
    return (await m.getRepository(ObjectiveEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  insert(m: EntityManager, row: Omit<ObjectiveEntity, 'id' | 'remindedAt' | 'instanceId'>): Promise<ObjectiveEntity> {
    const repo = m.getRepository(ObjectiveEntity);
    return repo.save(repo.create(row));
  }

  save(m: EntityManager, row: ObjectiveEntity): Promise<ObjectiveEntity> {
    return m.getRepository(ObjectiveEntity).save(row);
  }

  async setInstance(m: EntityManager, id: string, instanceId: string): Promise<void> {
    await m.getRepository(ObjectiveEntity).update({ id }, { instanceId });
  }

  insertMeasurement(
    m: EntityManager,
    row: Omit<ObjectiveMeasurementEntity, 'id' | 'breach' | 'severity' | 'nonconformityId'>,
  ): Promise<ObjectiveMeasurementEntity> {
    const repo = m.getRepository(ObjectiveMeasurementEntity);
    return repo.save(repo.create(row));
  }

  async measurement(m: EntityManager, id: string): Promise<ObjectiveMeasurementEntity | undefined> {
    return (await m.getRepository(ObjectiveMeasurementEntity).findOneBy({ id })) ?? undefined;
  }

  saveMeasurement(m: EntityManager, row: ObjectiveMeasurementEntity): Promise<ObjectiveMeasurementEntity> {
    return m.getRepository(ObjectiveMeasurementEntity).save(row);
  }

  /** The series, oldest first. */
  series(m: EntityManager, objectiveId: string): Promise<ObjectiveMeasurementEntity[]> {
    return m.getRepository(ObjectiveMeasurementEntity).find({ where: { objectiveId }, order: { measuredAt: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'objectives', instanceId, ['active'], at);
  }
}
