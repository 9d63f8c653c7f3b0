import pg from 'pg';
import { SessionsRepository } from '../../src/auth/repositories/sessions.repository.js';
import { SYSTEM_ACTOR } from '../../src/auth/roles.js';
import { sessionCookieOf } from '../../src/auth/session-cookie.js';
import { SessionsService } from '../../src/auth/sessions.service.js';
import { TokensService } from '../../src/auth/tokens.service.js';
import { Clock, type ManualClock } from '../../src/clock/clock.js';
import { Database } from '../../src/database/database.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';

const MINUTE = 60_000;

/** The `session-sweep` worker: ended sessions and abandoned sign-ins go by the service clock, live ones stay. */
describe('session sweep', () => {
  let ctx: TestContext;
  let db: pg.Pool;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual', sessionTtlMs: 8 * 60 * MINUTE, sessionIdleMs: 30 * MINUTE });
    db = new pg.Pool({ connectionString: ctx.databaseUrl, max: 1 });
  });
  afterAll(async () => {
    await db.end();
    await ctx.close();
  });

  it('removes sessions past their idle limit or their end and sign-ins past their timeout, batch by batch, and nothing else', async () => {
    const clock = ctx.app.get(Clock) as ManualClock;
    const sessions = ctx.app.get(SessionsService);
    const logins = ctx.app.get(SessionsRepository);
    const { token } = await ctx.app.get(TokensService).create({ subject: 'sam', roles: ['ai-owner'] }, SYSTEM_ACTOR);
    const open = async () => sessionCookieOf(String((await sessions.startWithToken(token)).cookie))!;
    const login = async (state: string, timeoutMs: number) =>
      logins.insertLogin(ctx.app.get(Database).manager, {
        stateHash: state,
        codeVerifier: 'v',
        nonce: 'n',
        returnTo: '/',
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + timeoutMs),
      });
    const count = async (table: 'sessions' | 'oidc_logins') => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
    const move = (ms: number) => clock.moveTo(new Date(clock.now().getTime() + ms));

    const idle = await open();
    await login('abandoned', 10 * MINUTE);
    await move(20 * MINUTE);
    const live = await open();
    await login('in-flight', 60 * MINUTE);
    expect(await sessions.runOnce()).toBe(1); // the abandoned sign-in
    await move(15 * MINUTE);

    // 35 min: the first session has been unused past the idle limit; the second was opened 15 min ago.
    expect(await sessions.runOnce()).toBe(1);
    expect([await count('sessions'), await count('oidc_logins')]).toEqual([1, 1]);
    await expect(sessions.resolve(idle)).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect((await sessions.resolve(live)).actor.subject).toBe('sam');
    expect(await sessions.runOnce()).toBe(0);

    // Used every 20 minutes, the session outlives the idle limit but not its end (8 h after sign-in).
    for (let minutes = 35; minutes < 8 * 60; minutes += 20) {
      await move(20 * MINUTE);
      await sessions.resolve(live);
      // The sign-in in flight since minute 20 timed out at 80: it goes in the pass at 95.
      expect(await sessions.runOnce()).toBe(minutes + 20 === 95 ? 1 : 0);
    }
    await move(20 * MINUTE);
    expect(await sessions.runOnce()).toBe(1);
    expect([await count('sessions'), await count('oidc_logins')]).toEqual([0, 0]);
  });

  it('deletes more than one batch in a pass', async () => {
    const clock = ctx.app.get(Clock) as ManualClock;
    const expiresAt = new Date(clock.now().getTime() - MINUTE);
    await db.query(
      `INSERT INTO oidc_logins (state_hash, code_verifier, nonce, return_to, created_at, expires_at)
       SELECT 'bulk-' || i, 'v', 'n', '/', $1, $1 FROM generate_series(1, 1201) AS i`,
      [expiresAt],
    );
    expect(await ctx.app.get(SessionsService).runOnce()).toBe(1201);
    expect((await db.query(`SELECT count(*)::int AS n FROM oidc_logins`)).rows[0].n).toBe(0);
  });
});
