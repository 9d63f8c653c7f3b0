import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';
import { RoleEntity } from '../entities/role.entity.js';

/** The only code that reads and writes `roles`. */
@Injectable()
export class RolesRepository {
  list(m: EntityManager, limit: number, offset: number): Promise<[RoleEntity[], number]> {
    return m.getRepository(RoleEntity).findAndCount({ order: { key: 'ASC' }, take: limit, skip: offset });
  }

  async find(m: EntityManager, key: string): Promise<RoleEntity | undefined> {
    return (await m.getRepository(RoleEntity).findOneBy({ key })) ?? undefined;
  }

  async lock(m: EntityManager, key: string): Promise<RoleEntity | undefined> {
    return (await m.getRepository(RoleEntity).findOne({ where: { key }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** Inserts unless the key is taken; undefined when it was. */
  async insert(m: EntityManager, role: RoleEntity): Promise<RoleEntity | undefined> {
    const result = await m.createQueryBuilder().insert().into(RoleEntity).values(role).orIgnore().returning('key').execute();
    return result.raw.length ? role : undefined;
  }

  save(m: EntityManager, role: RoleEntity): Promise<RoleEntity> {
    return m.getRepository(RoleEntity).save(role);
  }

  /** Gives the role a new key (the caller checked the new one is free). */
  async rekey(m: EntityManager, from: string, to: string, at: Date): Promise<void> {
    await m.query(`UPDATE roles SET key = $2, updated_at = $3 WHERE key = $1`, [from, to, at]);
  }

  async delete(m: EntityManager, key: string): Promise<void> {
    await m.getRepository(RoleEntity).delete({ key });
  }

  /** The keys among these that name no role, in the order given. */
  async undefinedOf(m: EntityManager, keys: string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows = await sql<{ key: string }>(
      m,
      `SELECT k.key FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n)
        WHERE NOT EXISTS (SELECT 1 FROM roles r WHERE r.key = k.key) ORDER BY k.n`,
      [keys],
    );
    return rows.map((row) => row.key);
  }

  /** These roles' notification defaults, by key (the order the directory documents for conflicts). */
  async notificationDefaultsOf(m: EntityManager, keys: string[]): Promise<Array<Pick<RoleEntity, 'key' | 'notificationDefaults'>>> {
    if (!keys.length) return [];
    return sql<Pick<RoleEntity, 'key' | 'notificationDefaults'>>(
      m,
      `SELECT key, notification_defaults AS "notificationDefaults" FROM roles
        WHERE key = ANY($1::text[]) AND notification_defaults IS NOT NULL ORDER BY key`,
      [keys],
    );
  }
}
