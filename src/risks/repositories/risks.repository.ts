import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { withdrawRows } from '../../database/withdraw-rows.js';
import { RiskEntity } from '../entities/risk.entity.js';

/** Statuses of a risk still being worked on by its process. */
const IN_PROGRESS = ['open', 'treatment-decided', 'awaiting-acceptance', 'in-implementation', 'verification'] as const;

/** The only code that reads and writes `risks`. */
@Injectable()
export class RisksRepository {
  list(
    m: EntityManager,
    filter: Partial<Pick<RiskEntity, 'systemId' | 'rating' | 'treatment' | 'status'>>,
    limit: number,
    offset: number,
  ): Promise<[RiskEntity[], number]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    return m.getRepository(RiskEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, id: string): Promise<RiskEntity | undefined> {
    return (await m.getRepository(RiskEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<RiskEntity | undefined> {
    return (await m.getRepository(RiskEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  insert(
    m: EntityManager,
    row: Omit<RiskEntity, 'id' | 'treatment' | 'plan' | 'owner' | 'residualLikelihood' | 'residualSeverity' | 'residualRating' | 'closedAt'>,
  ): Promise<RiskEntity> {
    const repo = m.getRepository(RiskEntity);
    return repo.save(repo.create(row));
  }

  save(m: EntityManager, row: RiskEntity): Promise<RiskEntity> {
    return m.getRepository(RiskEntity).save(row);
  }

  withdraw(m: EntityManager, instanceId: string, at: Date): Promise<Array<{ id: string; status: string }>> {
    return withdrawRows(m, 'risks', instanceId, IN_PROGRESS, at);
  }
}
