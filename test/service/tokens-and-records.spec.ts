import pg from 'pg';
import { AiSystemsService } from '../../src/ai-systems/ai-systems.service.js';
import { SYSTEM_ACTOR } from '../../src/auth/roles.js';
import { TokenCache } from '../../src/auth/token-cache.js';
import { TokensService } from '../../src/auth/tokens.service.js';
import { Clock, ManualClock } from '../../src/clock/clock.js';
import { Database } from '../../src/database/database.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';

const until = async (condition: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting until ${what}`);
};

/** The token cache across replicas, the one definition of an active subject, and versions that move with every write. */
describe('tokens and records', () => {
  let a: TestContext;
  let b: TestContext;

  beforeAll(async () => {
    a = await createTestContext({ clock: 'manual' });
    // A second replica on the same database.
    b = await createTestContext({ clock: 'manual' }, { url: a.databaseUrl, name: 'shared' });
  });
  afterAll(async () => {
    await b.app.close();
    await a.close();
  });

  it('forgets a revoked token on every replica at once, and stops caching while it cannot hear revocations', async () => {
    const created = await a.app.get(TokensService).create({ subject: 'rosa', roles: ['risk-officer'] }, SYSTEM_ACTOR);
    const onB = b.app.get(TokensService);
    expect(await onB.authenticate(created.token)).toMatchObject({ subject: 'rosa', roles: ['risk-officer'] });
    expect(b.app.get(TokenCache).active).toBe(true);
    await a.app.get(TokensService).revoke(created.id, SYSTEM_ACTOR);
    await until(
      async () =>
        await onB.authenticate(created.token).then(
          () => false,
          () => true,
        ),
      'replica B refuses the revoked token',
    );

    const second = await a.app.get(TokensService).create({ subject: 'otto', roles: ['ai-owner'] }, SYSTEM_ACTOR);
    const admin = new pg.Client({ connectionString: a.databaseUrl });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'aimsflow-listen-%' AND datname = current_database()`,
    );
    await admin.end();
    await until(() => !b.app.get(TokenCache).active, 'replica B stops caching');
    expect(await onB.authenticate(second.token)).toMatchObject({ subject: 'otto' });
    await until(() => b.app.get(TokenCache).active, 'replica B listens again');
  });

  it('counts a subject able to act only while one of its tokens is neither revoked nor expired', async () => {
    const tokens = a.app.get(TokensService);
    const clock = a.app.get(Clock) as ManualClock;
    const db = a.app.get(Database);
    expect(await tokens.activeRolesOf(db.manager, 'nobody')).toBeUndefined();
    const expiring = await tokens.create({ subject: 'ida', roles: ['dpo'], expiresAt: new Date(clock.now().getTime() + 60_000).toISOString() }, SYSTEM_ACTOR);
    const revoked = await tokens.create({ subject: 'ida', roles: ['auditor'] }, SYSTEM_ACTOR);
    await tokens.revoke(revoked.id, SYSTEM_ACTOR);
    expect(await tokens.activeRolesOf(db.manager, 'ida')).toEqual(['dpo']);
    await clock.moveTo(new Date(clock.now().getTime() + 120_000));
    expect(await tokens.activeRolesOf(db.manager, 'ida')).toBeUndefined();
    await expect(tokens.authenticate(expiring.token)).rejects.toMatchObject({ code: 'expired-token' });
  });

  it('moves an AI system’s version with every write, whoever makes it', async () => {
    const systems = a.app.get(AiSystemsService);
    const db = a.app.get(Database);
    const actor = { ...SYSTEM_ACTOR, subject: 'olivia' };
    const created = await systems.register(
      { name: 'Versioned', intendedPurpose: 'x', roles: ['deployer'], model: { provider: 'acme', name: 'm', version: '1' } },
      actor,
    );
    const versions = [created.version];
    await db.transaction((m) => systems.recordModel(m, created.id, { provider: 'acme', name: 'm', version: '2' }));
    versions.push((await systems.get(created.id)).version);
    await db.transaction((m) => systems.setStatus(m, created.id, 'in-assessment', actor));
    versions.push((await systems.get(created.id)).version);
    await db.transaction((m) => systems.recordImpactLevel(m, created.id, 'high', actor));
    versions.push((await systems.get(created.id)).version);
    await systems.update(created.id, { description: 'edited' }, `"${versions.at(-1)}"`, actor);
    versions.push((await systems.get(created.id)).version);
    await systems.retire(created.id, {}, actor);
    versions.push((await systems.get(created.id)).version);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
