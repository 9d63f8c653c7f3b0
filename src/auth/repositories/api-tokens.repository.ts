import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import { ApiTokenEntity, type TokenSource } from '../entities/api-token.entity.js';

/** What authenticating a token needs (kept in the token cache). */
export interface ResolvedTokenRow {
  id: string;
  subject: string;
  roles: string[];
  expires_at: Date | null;
}

export interface NewToken {
  subject: string;
  roles: string[];
  tokenHash: string;
  prefix: string;
  source: TokenSource;
  description: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** Writing last use on every lookup would turn each read into a write; once a minute is enough. */
const LAST_USED_RESOLUTION = '1 minute';

/** The only code that reads and writes `api_tokens`. */
@Injectable()
export class ApiTokensRepository {
  /** The token of a secret's hash, unless revoked; notes its use (at most once a minute) while it is unexpired. */
  async resolve(m: EntityManager, tokenHash: string, now: Date): Promise<ResolvedTokenRow | undefined> {
    return sqlOne<ResolvedTokenRow>(
      m,
      `WITH token AS (SELECT id, subject, roles, last_used_at, expires_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
            touched AS (UPDATE api_tokens t SET last_used_at = $2 FROM token
                         WHERE t.id = token.id AND (token.expires_at IS NULL OR token.expires_at > $2)
                           AND (token.last_used_at IS NULL OR token.last_used_at < $2::timestamptz - interval '${LAST_USED_RESOLUTION}'))
       SELECT id, subject, roles, expires_at FROM token`,
      [tokenHash, now],
    );
  }

  /** Roles of a subject's tokens that can still authenticate (neither revoked nor expired at `now`). */
  async activeRolesOf(m: EntityManager, subject: string, now: Date): Promise<string[] | undefined> {
    const rows = await sql<{ roles: string[] }>(
      m,
      `SELECT roles FROM api_tokens WHERE subject = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
      [subject, now],
    );
    return rows.length ? rows.flatMap((row) => row.roles) : undefined;
  }

  /** Tokens not revoked that carry the role. */
  namingRole(m: EntityManager, role: string): Promise<Array<{ id: string; subject: string; prefix: string }>> {
    return sql(m, `SELECT id, subject, prefix FROM api_tokens WHERE revoked_at IS NULL AND $1 = ANY(roles) ORDER BY created_at, id`, [role]);
  }

  async insert(m: EntityManager, token: NewToken): Promise<string> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO api_tokens (subject, roles, token_hash, prefix, source, description, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [token.subject, token.roles, token.tokenHash, token.prefix, token.source, token.description, token.createdBy, token.createdAt, token.expiresAt],
    );
    return row!.id;
  }

  list(m: EntityManager, limit: number, offset: number): Promise<[ApiTokenEntity[], number]> {
    return m.getRepository(ApiTokenEntity).findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async lock(m: EntityManager, id: string): Promise<ApiTokenEntity | undefined> {
    return (await m.getRepository(ApiTokenEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  /** Marks the token revoked; every replica hears of it at commit (NOTIFY on `channel`). */
  async revoke(m: EntityManager, id: string, at: Date, channel: string): Promise<void> {
    await m.getRepository(ApiTokenEntity).update({ id }, { revokedAt: at });
    await m.query(`SELECT pg_notify($1, $2)`, [channel, id]);
  }

  /** Serialises replicas deciding whether the bootstrap token is needed, until the transaction ends. */
  async lockBootstrap(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.bootstrap-token'))`);
  }

  async any(m: EntityManager): Promise<boolean> {
    return (await sql(m, `SELECT 1 FROM api_tokens LIMIT 1`)).length > 0;
  }
}
