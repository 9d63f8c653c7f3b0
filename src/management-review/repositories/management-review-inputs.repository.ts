import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ManagementReviewInputEntity } from '../entities/management-review-input.entity.js';

/** The only code that reads and writes `management_review_inputs`. */
@Injectable()
export class ManagementReviewInputsRepository {
  list(m: EntityManager, filter: { auditId?: string }, limit: number, offset: number): Promise<[ManagementReviewInputEntity[], number]> {
    const where = filter.auditId ? { auditId: filter.auditId } : {};
    return m.getRepository(ManagementReviewInputEntity).findAndCount({ where, order: { compiledAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, id: string): Promise<ManagementReviewInputEntity | undefined> {
    return (await m.getRepository(ManagementReviewInputEntity).findOneBy({ id })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<ManagementReviewInputEntity | undefined> {
    return (await m.getRepository(ManagementReviewInputEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** The inputs compiled in these process instances (id, instance and time only), newest first. */
  ofInstances(m: EntityManager, instanceIds: string[]): Promise<Array<Pick<ManagementReviewInputEntity, 'id' | 'instanceId' | 'compiledAt'>>> {
    return m.getRepository(ManagementReviewInputEntity).find({
      select: { id: true, instanceId: true, compiledAt: true },
      where: { instanceId: In(instanceIds) },
      order: { compiledAt: 'DESC', id: 'ASC' },
    });
  }

  /** Reviews that decided something, oldest first. */
  decided(m: EntityManager): Promise<ManagementReviewInputEntity[]> {
    return m
      .getRepository(ManagementReviewInputEntity)
      .createQueryBuilder('r')
      .where('r.decided_at IS NOT NULL')
      .orderBy('r.decidedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  insert(
    m: EntityManager,
    row: Pick<ManagementReviewInputEntity, 'auditId' | 'instanceId' | 'content' | 'compiledBy' | 'compiledAt'>,
  ): Promise<ManagementReviewInputEntity> {
    const repo = m.getRepository(ManagementReviewInputEntity);
    return repo.save(repo.create({ ...row, improvementActions: [] }));
  }

  save(m: EntityManager, row: ManagementReviewInputEntity): Promise<ManagementReviewInputEntity> {
    return m.getRepository(ManagementReviewInputEntity).save(row);
  }
}
