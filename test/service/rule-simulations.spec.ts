import pg from 'pg';
import { Database } from '../../src/database/database.js';
import { RuleSimulationsRepository } from '../../src/rules/repositories/rule-simulations.repository.js';
import { SimulationWorker } from '../../src/rules/simulation-worker.js';
import { SimulationService } from '../../src/rules/simulation.service.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';

/** The rule-simulations worker on its own: claims, leases, stopping and taking over, without HTTP. */
describe('rule simulation worker', () => {
  let ctx: TestContext;
  let db: pg.Client;
  let repository: RuleSimulationsRepository;
  let worker: SimulationWorker;
  let manager: Database['manager'];

  /** Queued as the request does, but without the request's kick: each test drives the worker itself. */
  const queue = async () =>
    (await repository.insert(manager, { ruleSetKey: 'review-interval', candidateVersion: 1, createdBy: 'gina', createdAt: new Date() })).id;
  const row = async (id: string) =>
    (await db.query(`SELECT status, attempts, evaluated, total, started_at, error, result IS NOT NULL AS has_result FROM rule_simulations WHERE id = $1`, [id]))
      .rows[0];
  /** A claim of the oldest pending simulation by a replica that then dies: its lease runs out at once. */
  const claimAndDie = async () => {
    const claim = await repository.claim(manager, new Date(), 1, 3);
    for (let i = 0; i < 100 && (await db.query(`SELECT 1 FROM rule_simulations WHERE lease_until >= clock_timestamp()`)).rowCount; i++)
      await new Promise((resolve) => setTimeout(resolve, 2));
    return claim!;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO ai_systems (name, intended_purpose, roles, third_party, attributes, created_by, version, risk_class)
       SELECT 'system ' || n, 'test', ARRAY['deployer'], false, '{}'::jsonb, 'test', 1, 'high' FROM generate_series(1, 5) n`,
    );
    repository = ctx.app.get(RuleSimulationsRepository);
    worker = ctx.app.get(SimulationWorker);
    manager = ctx.app.get(Database).manager;
  });
  afterAll(async () => {
    await db.end();
    await ctx.close();
  });

  it('gives a simulation back, pending, when the service stops mid-run; the next pass runs it through', async () => {
    const id = await queue();
    const stopping = new AbortController();
    const progress = repository.progress.bind(repository);
    repository.progress = async (...args) => {
      stopping.abort(); // the service starts stopping while the simulation runs
      return progress(...args);
    };
    try {
      expect(await worker.runOnce(stopping.signal)).toBe(0);
    } finally {
      repository.progress = progress;
    }
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, evaluated: 0, total: null, started_at: null, has_result: false });

    expect(await worker.runOnce(new AbortController().signal)).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'completed', attempts: 1, evaluated: 5, total: 5, has_result: true });
    const done = await ctx.app.get(SimulationService).get(id);
    expect(done.result).toMatchObject({ mode: 'systems', systemsEvaluated: 5, systemsChanged: 0 });
  });

  it('takes over a simulation whose replica died once its lease has run out; the dead claim can no longer write', async () => {
    const id = await queue();
    const dead = await claimAndDie();
    expect(dead).toMatchObject({ id, attempt: 1, status: 'running' });

    expect(await worker.runOnce(new AbortController().signal)).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'completed', attempts: 2, evaluated: 5, has_result: true });
    expect(await repository.progress(manager, dead, 1, 5, 60_000)).toBe(false);
    await repository.fail(manager, dead, 1, 5, 'too late', new Date());
    expect(await row(id)).toMatchObject({ status: 'completed', error: null });
  });

  it('stops a run whose claim another replica has taken over, leaving the simulation to it', async () => {
    const id = await queue();
    const progress = repository.progress.bind(repository);
    repository.progress = async (...args) => {
      // Meanwhile this replica was thought dead and another one claimed the simulation.
      await db.query(`UPDATE rule_simulations SET attempts = attempts + 1 WHERE id = $1`, [id]);
      return progress(...args);
    };
    try {
      expect(await worker.runOnce(new AbortController().signal)).toBe(0);
    } finally {
      repository.progress = progress;
    }
    expect(await row(id)).toMatchObject({ status: 'running', attempts: 2, has_result: false });
    await db.query(`UPDATE rule_simulations SET status = 'failed', lease_until = NULL WHERE id = $1`, [id]); // the other replica's business
  });

  it('gives a simulation up as failed once its run was lost three times', async () => {
    const id = await queue();
    for (let lost = 1; lost <= 3; lost++) expect(await claimAndDie()).toMatchObject({ id, attempt: lost });
    expect(await worker.runOnce(new AbortController().signal)).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3, has_result: false, error: expect.stringMatching(/lost 3 times/) });
  });

  it('stores progress at the start and after every page of systems', async () => {
    // Past one page (1000 systems); the first tests ran on the 5 systems alone.
    await db.query(
      `INSERT INTO ai_systems (name, intended_purpose, roles, third_party, attributes, created_by, version, risk_class)
       SELECT 'more ' || n, 'test', ARRAY['deployer'], false, '{}'::jsonb, 'test', 1, 'limited' FROM generate_series(1, 1000) n`,
    );
    const id = await queue();
    const stored: Array<[number, number]> = [];
    const progress = repository.progress.bind(repository);
    repository.progress = async (m, claim, evaluated, total, leaseMs) => {
      stored.push([evaluated, total]);
      return progress(m, claim, evaluated, total, leaseMs);
    };
    try {
      expect(await worker.runOnce(new AbortController().signal)).toBe(1);
    } finally {
      repository.progress = progress;
    }
    expect(stored[0]).toEqual([0, 1005]);
    expect(stored).toContainEqual([1000, 1005]);
    expect(await row(id)).toMatchObject({ status: 'completed', evaluated: 1005, total: 1005 });
    expect((await ctx.app.get(SimulationService).get(id)).result).toMatchObject({ systemsEvaluated: 1005, systemsChanged: 0 });
  });

  it('lets passes running side by side (as on replicas) share the queue, each simulation run once', async () => {
    const ids = [await queue(), await queue(), await queue()];
    const passes = await Promise.all([worker.runOnce(new AbortController().signal), worker.runOnce(new AbortController().signal)]);
    expect(passes[0] + passes[1]).toBe(3);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'completed', attempts: 1 });
  });
});
