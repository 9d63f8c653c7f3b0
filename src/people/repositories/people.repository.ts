import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { hydrate } from '../../database/rows.js';
import { sql, sqlOne } from '../../database/sql.js';
import { PersonEntity } from '../entities/person.entity.js';

export interface SignIn {
  identity: string;
  /** Used on first sight when the provider gave no name. */
  fallbackName: string;
  name: string | null;
  email: string | null;
  idpRoles: string[];
  at: Date;
}

export interface PeopleFilter {
  /** Part of the display name, e-mail or identity, any case. */
  q?: string;
  role?: string;
  active?: boolean;
}

/** The only code that reads and writes `people`. */
@Injectable()
export class PeopleRepository {
  /** Creates the person on first sight, else refreshes name and e-mail (when the provider sent them) and the provider's roles. */
  async signedIn(m: EntityManager, s: SignIn): Promise<PersonEntity> {
    const row = await sqlOne<Record<string, unknown>>(
      m,
      `INSERT INTO people (identity, display_name, email, source, idp_roles, last_seen_at, created_at, updated_at)
       VALUES ($1, coalesce($2, $3), $4, 'oidc', $5, $6, $6, $6)
       ON CONFLICT (identity) DO UPDATE SET
         display_name = coalesce($2, people.display_name),
         email = coalesce($4, people.email),
         idp_roles = excluded.idp_roles,
         last_seen_at = excluded.last_seen_at,
         updated_at = CASE WHEN people.display_name IS DISTINCT FROM coalesce($2, people.display_name)
                             OR people.email IS DISTINCT FROM coalesce($4, people.email)
                             OR people.idp_roles IS DISTINCT FROM excluded.idp_roles
                           THEN excluded.updated_at ELSE people.updated_at END
       RETURNING *`,
      [s.identity, s.name, s.fallbackName, s.email, s.idpRoles, s.at],
    );
    return hydrate(m, PersonEntity, row!);
  }

  async find(m: EntityManager, id: string): Promise<PersonEntity | undefined> {
    return (await m.getRepository(PersonEntity).findOneBy({ id })) ?? undefined;
  }

  async findMany(m: EntityManager, ids: string[]): Promise<PersonEntity[]> {
    if (!ids.length) return [];
    return m.getRepository(PersonEntity).findBy({ id: In(ids) });
  }

  async byIdentity(m: EntityManager, identity: string): Promise<PersonEntity | undefined> {
    return (await m.getRepository(PersonEntity).findOneBy({ identity })) ?? undefined;
  }

  async lock(m: EntityManager, id: string): Promise<PersonEntity | undefined> {
    return (await m.getRepository(PersonEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** Inserts unless the identity is taken; undefined when it was. */
  async insert(m: EntityManager, person: Omit<PersonEntity, 'id'>): Promise<PersonEntity | undefined> {
    const result = await m.createQueryBuilder().insert().into(PersonEntity).values(person).orIgnore().returning('*').execute();
    const row = (result.raw as Array<Record<string, unknown>>)[0];
    return row ? hydrate(m, PersonEntity, row) : undefined;
  }

  save(m: EntityManager, person: PersonEntity): Promise<PersonEntity> {
    return m.getRepository(PersonEntity).save(person);
  }

  async withAnyRole(m: EntityManager, roles: string[]): Promise<PersonEntity[]> {
    if (!roles.length) return [];
    const rows = await sql<Record<string, unknown>>(
      m,
      `SELECT * FROM people WHERE active AND (idp_roles && $1::text[] OR assigned_roles && $1::text[]) ORDER BY lower(display_name), id`,
      [roles],
    );
    return rows.map((row) => hydrate(m, PersonEntity, row));
  }

  async list(m: EntityManager, filter: PeopleFilter, limit: number, offset: number): Promise<[PersonEntity[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(display_name ILIKE $${params.length} OR email ILIKE $${params.length} OR identity ILIKE $${params.length})`);
    }
    if (filter.role) {
      params.push([filter.role]);
      where.push(`(idp_roles && $${params.length}::text[] OR assigned_roles && $${params.length}::text[])`);
    }
    if (filter.active !== undefined) {
      params.push(filter.active);
      where.push(`active = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await sql<Record<string, unknown> & { total: string }>(
      m,
      `SELECT *, count(*) OVER () AS total FROM people ${clause} ORDER BY lower(display_name), id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    if (!rows.length && offset > 0) {
      const count = await sqlOne<{ total: string }>(m, `SELECT count(*) AS total FROM people ${clause}`, params);
      return [[], Number(count!.total)];
    }
    return [rows.map((row) => hydrate(m, PersonEntity, row)), rows.length ? Number(rows[0].total) : 0];
  }

  /** Identities of deactivated people (few: the auth path keeps them in memory). */
  async inactiveIdentities(m: EntityManager): Promise<string[]> {
    return (await sql<{ identity: string }>(m, `SELECT identity FROM people WHERE NOT active`)).map((row) => row.identity);
  }

  async isInactive(m: EntityManager, identity: string): Promise<boolean> {
    return (await sql(m, `SELECT 1 FROM people WHERE identity = $1 AND NOT active`, [identity])).length > 0;
  }

  /** Tells every replica, at commit, that someone's activation changed (NOTIFY on `channel`). */
  async announceActivation(m: EntityManager, channel: string, identity: string): Promise<void> {
    await m.query(`SELECT pg_notify($1, $2)`, [channel, identity]);
  }

  /** Identities of the people an administrator gave this role (a role still in use cannot be deleted). */
  async assignedTo(m: EntityManager, role: string): Promise<string[]> {
    const rows = await sql<{ identity: string }>(m, `SELECT identity FROM people WHERE $1 = ANY(assigned_roles) ORDER BY identity`, [role]);
    return rows.map((row) => row.identity);
  }
}
