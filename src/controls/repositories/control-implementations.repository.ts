import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ControlImplementationEntity } from '../entities/control-implementation.entity.js';

/** The only code that reads and writes `control_implementations`: the implementation status of each Annex A control. */
@Injectable()
export class ControlImplementationsRepository {
  all(m: EntityManager): Promise<ControlImplementationEntity[]> {
    return m.getRepository(ControlImplementationEntity).find();
  }

  /** The control's row, locked until the transaction ends (undefined while none was recorded). */
  async lock(m: EntityManager, controlId: string): Promise<ControlImplementationEntity | undefined> {
    return (await m.getRepository(ControlImplementationEntity).findOne({ where: { controlId }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  save(m: EntityManager, row: ControlImplementationEntity): Promise<ControlImplementationEntity> {
    const repo = m.getRepository(ControlImplementationEntity);
    return repo.save(repo.create(row));
  }
}
