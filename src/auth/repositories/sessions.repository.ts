import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlOne } from '../../database/sql.js';

export type SessionSource = 'token' | 'admin-token' | 'oidc';

export interface NewSession {
  id: string;
  identity: string;
  source: SessionSource;
  tokenId: string | null;
  credentialHash: string | null;
  idToken: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A session with what re-resolving its roles needs: the API token it was exchanged for, as it is now. */
export interface SessionRow {
  id: string;
  identity: string;
  source: SessionSource;
  token_id: string | null;
  credential_hash: string | null;
  id_token: string | null;
  last_seen_at: Date;
  expires_at: Date;
  token_roles: string[] | null;
  token_revoked_at: Date | null;
  token_expires_at: Date | null;
}

export interface NewOidcLogin {
  stateHash: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface OidcLoginRow {
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: Date;
}

/** Last use is written at most this often: idle expiry is that coarse, and a read is not a write each time. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Finished rows removed per statement of the `session-sweep` worker, so a sweep never holds anything long. */
const SWEEP_BATCH = 500;

/** The only code that reads and writes `sessions` and `oidc_logins`. (A DELETE … RETURNING is read through a CTE: TypeORM answers it bare as [rows, count].) */
@Injectable()
export class SessionsRepository {
  async insert(m: EntityManager, s: NewSession): Promise<void> {
    await m.query(
      `INSERT INTO sessions (id, identity, source, token_id, credential_hash, id_token, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
      [s.id, s.identity, s.source, s.tokenId, s.credentialHash, s.idToken, s.createdAt, s.expiresAt],
    );
  }

  /**
   * The session of a cookie's hash with its token's current state; notes its use (at most once a
   * minute) while it is neither expired nor idle past `idleMs`.
   */
  async resolve(m: EntityManager, id: string, now: Date, idleMs: number): Promise<SessionRow | undefined> {
    return sqlOne<SessionRow>(
      m,
      `WITH s AS (SELECT * FROM sessions WHERE id = $1),
            touched AS (UPDATE sessions x SET last_seen_at = $2 FROM s
                         WHERE x.id = s.id AND s.expires_at > $2 AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3::double precision / 1000)
                           AND s.last_seen_at < $2::timestamptz - make_interval(secs => $4::double precision / 1000))
       SELECT s.id, s.identity, s.source, s.token_id, s.credential_hash, s.id_token, s.last_seen_at, s.expires_at,
              t.roles AS token_roles, t.revoked_at AS token_revoked_at, t.expires_at AS token_expires_at
         FROM s LEFT JOIN api_tokens t ON t.id = s.token_id`,
      [id, now, idleMs, LAST_SEEN_RESOLUTION_MS],
    );
  }

  /** Removes a session; returns its ID token (for the provider's logout), or undefined when there was none. */
  async delete(m: EntityManager, id: string): Promise<{ id_token: string | null } | undefined> {
    return sqlOne<{ id_token: string | null }>(m, `WITH gone AS (DELETE FROM sessions WHERE id = $1 RETURNING id_token) SELECT id_token FROM gone`, [id]);
  }

  /** Removes a batch of sessions and a batch of sign-ins that can no longer be used; says how many of each, and whether a batch was full. */
  async sweep(m: EntityManager, now: Date, idleMs: number): Promise<{ sessions: number; logins: number; more: boolean }> {
    const sessions = await sqlOne<{ n: number }>(
      m,
      `WITH gone AS (
         DELETE FROM sessions WHERE id IN (SELECT id FROM sessions
          WHERE expires_at <= $1 OR last_seen_at <= $1::timestamptz - make_interval(secs => $2::double precision / 1000) LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now, idleMs],
    );
    const logins = await sqlOne<{ n: number }>(
      m,
      `WITH gone AS (
         DELETE FROM oidc_logins WHERE state_hash IN (SELECT state_hash FROM oidc_logins WHERE expires_at <= $1 LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now],
    );
    return { sessions: sessions!.n, logins: logins!.n, more: sessions!.n === SWEEP_BATCH || logins!.n === SWEEP_BATCH };
  }

  async insertLogin(m: EntityManager, l: NewOidcLogin): Promise<void> {
    await m.query(`INSERT INTO oidc_logins (state_hash, code_verifier, nonce, return_to, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      l.stateHash,
      l.codeVerifier,
      l.nonce,
      l.returnTo,
      l.createdAt,
      l.expiresAt,
    ]);
  }

  /** Takes a sign-in in flight: it can be completed once only. */
  async takeLogin(m: EntityManager, stateHash: string): Promise<OidcLoginRow | undefined> {
    return sqlOne<OidcLoginRow>(
      m,
      `WITH gone AS (DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING code_verifier, nonce, return_to, expires_at)
       SELECT code_verifier, nonce, return_to, expires_at FROM gone`,
      [stateHash],
    );
  }
}
