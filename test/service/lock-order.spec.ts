import type { EntityManager } from 'typeorm';
import pg from 'pg';
import { AiSystemsService } from '../../src/ai-systems/ai-systems.service.js';
import { SYSTEM_ACTOR } from '../../src/auth/roles.js';
import { Database } from '../../src/database/database.js';
import { ProcessEngineService } from '../../src/processes/runtime/process-engine.service.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';

const actor = { ...SYSTEM_ACTOR, subject: 'olivia', roles: ['ai-owner' as const] };
const system = { name: 'Locked', intendedPurpose: 'Sort tickets', roles: ['deployer'], attributes: { useCases: ['spam-filtering'] } };

/** A deferred signal between two concurrent transactions. */
function signal(): { promise: Promise<void>; fire(): void } {
  let fire = () => undefined as void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/**
 * The lock order of docs/adr/0004 on real PostgreSQL, through the services (no HTTP): instance
 * trees, then register rows, then the AI system; and the transaction runner's retries.
 */
describe('lock order and transient conflicts', () => {
  let ctx: TestContext;
  let db: Database;
  let systems: AiSystemsService;
  let engine: ProcessEngineService;
  let watcher: pg.Client;

  beforeAll(async () => {
    ctx = await createTestContext({ dbLockTimeoutMs: 10_000 });
    db = ctx.app.get(Database);
    systems = ctx.app.get(AiSystemsService);
    engine = ctx.app.get(ProcessEngineService);
    watcher = new pg.Client({ connectionString: ctx.databaseUrl });
    await watcher.connect();
  });
  afterAll(async () => {
    await watcher.end();
    await ctx.close();
  });

  /** Resolves once some backend of this database waits for a lock. */
  async function someoneWaits(): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const { rows } = await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('nobody waited for a lock');
  }

  it('a change at the system waits for a running step without holding the row the step needs next', async () => {
    const registered = await systems.register(system, actor);
    const [instanceId] = await engine.activeFor(db.manager, { type: 'ai-system', id: registered.id });
    const stepHoldsTree = signal();
    const changeWaits = signal();
    // The step: its instance tree first, then (as a handler does) the system row.
    const step = db.transaction(async (m) => {
      await engine.lockInstance(m, instanceId);
      stepHoldsTree.fire();
      await changeWaits.promise;
      await systems.setStatus(m, registered.id, 'in-assessment', actor);
    });
    await stepHoldsTree.promise;
    // The change: locks the trees, then the row — it waits at the trees.
    const change = db.transaction(async (m: EntityManager) => (await systems.lockForChange(m, registered.id)).version);
    await someoneWaits();
    changeWaits.fire();
    await step;
    expect(await change).toBe(registered.version + 1); // it read the row after the step's change
    expect((await systems.get(registered.id)).status).toBe('in-assessment');
  });

  it('runs a transaction that lost a deadlock again, and both changes land', async () => {
    const [a, b] = [await systems.register({ ...system, name: 'A' }, actor), await systems.register({ ...system, name: 'B' }, actor)];
    const lockRow = (m: EntityManager, id: string) => m.query('SELECT 1 FROM ai_systems WHERE id = $1 FOR UPDATE', [id]);
    const setName = (m: EntityManager, id: string, name: string) => m.query('UPDATE ai_systems SET description = $2 WHERE id = $1', [id, name]);
    const firstHolds = [signal(), signal()];
    let attempts = 0;
    const crosswise = (own: string, other: string, mine: number) =>
      db.transaction(async (m) => {
        attempts++;
        await lockRow(m, own);
        firstHolds[mine].fire();
        await firstHolds[1 - mine].promise;
        await lockRow(m, other);
        await setName(m, other, `by ${mine}`);
      });
    await Promise.all([crosswise(a.id, b.id, 0), crosswise(b.id, a.id, 1)]);
    expect(attempts).toBe(3); // one of the two ran again
    const descriptions = [(await systems.get(a.id)).description, (await systems.get(b.id)).description].sort();
    expect(descriptions).toEqual(['by 0', 'by 1']);
  });

  it('gives up on a lock held too long after the configured attempts, with the lock-timeout error', async () => {
    const short = await createTestContext({ dbLockTimeoutMs: 100, dbRetryAttempts: 2 });
    try {
      const registered = await short.app.get(AiSystemsService).register(system, actor);
      const holder = new pg.Client({ connectionString: short.databaseUrl });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM ai_systems WHERE id = $1 FOR UPDATE', [registered.id]);
      let attempts = 0;
      const change = short.app.get(Database).transaction(async (m) => {
        attempts++;
        return m.query('SELECT 1 FROM ai_systems WHERE id = $1 FOR UPDATE', [registered.id]);
      });
      await expect(change).rejects.toMatchObject({ driverError: { code: '55P03' } });
      expect(attempts).toBe(2);
      await holder.query('ROLLBACK');
      await holder.end();
    } finally {
      await short.close();
    }
  });
});
