import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/roles.js';
import { Database } from '../../src/database/database.js';
import { WriteStatement } from '../../src/database/write-statement.js';
import { DefinitionsService } from '../../src/processes/definitions/definitions.service.js';
import { JobRunner } from '../../src/processes/jobs/job-runner.service.js';
import { ProcessEngineService } from '../../src/processes/runtime/process-engine.service.js';
import { bpmn, chain } from '../helpers/processes.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';

const actor = { ...SYSTEM_ACTOR, subject: 'rita', roles: ['risk-officer' as const] };
const REVIEW = bpmn(
  'svc-review',
  `<bpmn:startEvent id="Start"/><bpmn:userTask id="Review" name="Review" aimsflow:candidateRoles="risk-officer"/>` +
    `<bpmn:intermediateCatchEvent id="Later"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>` +
    `<bpmn:endEvent id="End"/>${chain('Start', 'Review', 'Later', 'End')}`,
);

/** Counts rows of the tables a step writes, for one instance. */
async function rowsOf(m: EntityManager, instanceId: string) {
  const count = async (text: string) => Number((await m.query(text, [instanceId]))[0].n);
  return {
    instances: await count(`SELECT count(*) AS n FROM process_instances WHERE id = $1`),
    history: await count(`SELECT count(*) AS n FROM process_history WHERE instance_id = $1`),
    tasks: await count(`SELECT count(*) AS n FROM tasks WHERE instance_id = $1`),
    timers: await count(`SELECT count(*) AS n FROM process_jobs WHERE instance_id = $1 AND status = 'pending'`),
    audit: await count(`SELECT count(*) AS n FROM audit_events WHERE after->>'instanceId' = $1::text OR subject_id = $1::text`),
    outbox: await count(`SELECT count(*) AS n FROM outbox_events WHERE data->>'instanceId' = $1::text OR subject_id = $1::text`),
  };
}

/** The process runtime on real PostgreSQL without HTTP: the step write, its atomicity, and job claiming across replicas. */
describe('process runtime', () => {
  let ctx: TestContext;
  let db: Database;
  let engine: ProcessEngineService;

  beforeAll(async () => {
    ctx = await createTestContext({ processesDir: '/nonexistent-processes-folder' });
    db = ctx.app.get(Database);
    engine = ctx.app.get(ProcessEngineService);
    await ctx.app.get(DefinitionsService).deploy(REVIEW, SYSTEM_ACTOR);
  });
  afterAll(() => ctx.close());

  it('writes a whole step — task rows, instance, history, timer, audit and outbox events — and hands back the tasks it changed', async () => {
    const started = await db.transaction((m) => engine.start(m, { definitionKey: 'svc-review', subject: { type: 'case', id: 'c-1' }, actor }));
    expect(started.createdTasks).toEqual([expect.objectContaining({ elementId: 'Review', status: 'open', candidateRoles: ['risk-officer'] })]);
    const task = started.createdTasks[0];
    const id = started.instance.id;
    expect(await rowsOf(db.manager, id)).toMatchObject({ instances: 1, tasks: 1, timers: 0 });

    const completed = await db.transaction((m) =>
      engine.handleEvent(m, id, { type: 'task.complete', waitKey: task.waitKey, variables: { ok: true }, completedBy: 'rita' }, actor, {
        taskId: task.id,
        outcome: null,
      }),
    );
    expect(completed.completedTasks).toEqual([expect.objectContaining({ id: task.id, status: 'completed', completedBy: 'rita', variables: { ok: true } })]);
    expect(completed.instance).toMatchObject({ status: 'active', activeElementIds: ['Later'], version: 2 });
    const rows = await rowsOf(db.manager, id);
    expect(rows).toMatchObject({ instances: 1, tasks: 1, timers: 1 });
    expect(rows.history).toBeGreaterThanOrEqual(2);
    // process.started, task.created and task.completed: audited and announced with the step
    const actions = (await db.manager.query(`SELECT action FROM audit_events WHERE after->>'instanceId' = $1 OR subject_id = $1 ORDER BY id`, [id])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['process-instance.started', 'task.created', 'task.completed']));
    const events = (await db.manager.query(`SELECT type FROM outbox_events WHERE data->>'instanceId' = $1 OR subject_id = $1 ORDER BY seq`, [id])).map(
      (r: { type: string }) => r.type,
    );
    expect(events).toEqual(expect.arrayContaining(['process.started', 'task.created', 'task.completed']));
  });

  it('leaves nothing behind when the transaction around a step fails', async () => {
    let id = '';
    await expect(
      db.transaction(async (m) => {
        id = (await engine.start(m, { definitionKey: 'svc-review', subject: { type: 'case', id: 'c-2' }, actor })).instance.id;
        throw new Error('the caller failed after the step');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await rowsOf(db.manager, id)).toEqual({ instances: 0, history: 0, tasks: 0, timers: 0, audit: 0, outbox: 0 });
  });

  it('claims each due job for one replica only (SKIP LOCKED and a lease)', async () => {
    // Ten instances past their review: each has a timer due in a second.
    for (let i = 0; i < 10; i++) {
      const { instance, createdTasks } = await db.transaction((m) =>
        engine.start(m, { definitionKey: 'svc-review', subject: { type: 'case', id: `due-${i}` }, actor }),
      );
      const [task] = createdTasks;
      await db.transaction((m) =>
        engine.handleEvent(m, instance.id, { type: 'task.complete', waitKey: task.waitKey, variables: {}, completedBy: 'rita' }, actor, { taskId: task.id }),
      );
    }
    const replicaB = await createTestContext({ processesDir: '/nonexistent-processes-folder' }, { url: ctx.databaseUrl, name: 'kept' });
    try {
      const later = new Date(Date.now() + 60_000);
      const [a, b] = await Promise.all([ctx.app.get(JobRunner).claim(8, later), replicaB.app.get(JobRunner).claim(8, later)]);
      const ids = [...a, ...b].map((job) => job.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(10);
      // Leased: neither replica gets them again before the lease ends.
      expect(await ctx.app.get(JobRunner).claim(20, later)).toEqual([]);
      expect(a.every((job) => job.lockedBy === ctx.app.get(JobRunner).replica)).toBe(true);
    } finally {
      await replicaB.app.close();
    }
  });

  it('composes a statement from writers that refer to each other only by the names it returns', async () => {
    const stmt = new WriteStatement();
    const first = stmt.with('rows', `SELECT 1 AS n`);
    const second = stmt.with('rows', `SELECT n + 1 AS n FROM ${first}`);
    expect([first, second]).toEqual(['rows', 'rows_2']);
    stmt.returning(second);
    expect(() => stmt.returning('rows_3')).toThrow(/no CTE named rows_3/);
    const result = await stmt.run(db.manager);
    expect(result.of<{ n: number }>(second)).toEqual([{ change: second, n: 2 }]);
    expect(result.of(first)).toEqual([]);
  });
});
