import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

/** The only code that reads and writes `manual_clock` (one row: the manual clock's time). */
@Injectable()
export class ManualClockRepository {
  async load(m: EntityManager): Promise<Date | undefined> {
    return (await sqlOne<{ now: Date }>(m, `SELECT now FROM manual_clock WHERE id = 1`, []))?.now;
  }

  /** Never backwards, also when two replicas save. */
  async save(m: EntityManager, at: Date): Promise<void> {
    await sql(m, `INSERT INTO manual_clock (id, now) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET now = GREATEST(manual_clock.now, EXCLUDED.now)`, [at]);
  }
}
