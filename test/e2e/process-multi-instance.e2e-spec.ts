import { createTestApp, type TestApp } from '../helpers/test-app.js';
import type { Json } from '../helpers/lifecycle.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** One approval per role in `approvers`, `{role, decision}` collected into `decisions`; loop attributes and inner elements as given. */
function approvals(key: string, loop: string, inner = ''): string {
  return bpmn(
    key,
    `<bpmn:startEvent id="Start"/>
     <bpmn:userTask id="Approve" name="Approve the release" aimsflow:candidateRoles="=approver" aimsflow:dueDate="P3D">
       <bpmn:extensionElements><aimsflow:formField name="decision" type="enum" values="approve,reject" required="true"/></bpmn:extensionElements>
       <bpmn:multiInstanceLoopCharacteristics ${loop} aimsflow:collection="approvers" aimsflow:elementVariable="approver"
         aimsflow:outputCollection="decisions" aimsflow:outputElement="={role: approver, decision: decision}">${inner}</bpmn:multiInstanceLoopCharacteristics>
     </bpmn:userTask>
     <bpmn:endEvent id="End"/>
     ${chain('Start', 'Approve', 'End')}`,
  );
}

const APPROVERS = ['dpo', 'compliance-officer', 'top-management'];

describe('multi-instance over HTTP: sequential items, completion conditions', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  const by: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    by.dpo = await t.tokenFor('dora', 'dpo');
    by['compliance-officer'] = await t.tokenFor('carla', 'compliance-officer');
    by['top-management'] = await t.tokenFor('tom', 'top-management');
    await p.deploy(gov, approvals('approve-in-turn', 'isSequential="true"')).expect(201);
    await p
      .deploy(
        gov,
        approvals('approve-two-of-three', '', '<bpmn:completionCondition>=count(decisions[item.decision = "approve"]) >= 2</bpmn:completionCondition>'),
      )
      .expect(201);
  });
  afterAll(() => t.close());

  const openTasks = async (instanceId: string): Promise<Json[]> =>
    (await p.tasks(gov, { instanceId, status: 'open', limit: '100' }).expect(200)).body.items as Json[];
  /** The candidate roles `task.created` announced the task to (what notifications fan out from), once per announcement. */
  const announced = async (taskId: string): Promise<unknown[]> =>
    (await t.db.query(`SELECT data->'candidateRoles' AS roles FROM outbox_events WHERE type = 'task.created' AND subject_id = $1`, [taskId])).rows.map(
      (row: { roles: unknown }) => row.roles,
    );

  it('a sequential approval opens one task at a time, for the right people, in order, then completes the instance', async () => {
    const id = (await p.start(gov, 'approve-in-turn', { approvers: APPROVERS }).expect(201)).body.id as string;
    for (const [index, role] of APPROVERS.entries()) {
      const open = await openTasks(id);
      expect(open).toEqual([
        expect.objectContaining({ elementId: 'Approve', candidateRoles: [role], item: { index, value: role, collectionKey: 'Approve:1', count: 3 } }),
      ]);
      // Each task is created (and announced, which is what notifications fan out from) when its item opens.
      expect(await announced(open[0].id)).toEqual([[role]]);
      // Someone else's turn is not yours.
      const other = APPROVERS[(index + 1) % APPROVERS.length];
      await p.complete(by[other], open[0].id, { variables: { decision: 'approve' } }).expect(403);
      await p.complete(by[role], open[0].id, { variables: { decision: index === 1 ? 'reject' : 'approve' } }).expect(200);
    }
    const done = (await p.instance(gov, id).expect(200)).body;
    expect(done.status).toBe('completed');
    expect(done.variables.decisions).toEqual([
      { role: 'dpo', decision: 'approve' },
      { role: 'compliance-officer', decision: 'reject' },
      { role: 'top-management', decision: 'approve' },
    ]);
    expect(await openTasks(id)).toEqual([]);
  });

  it('a completion condition closes the remaining tasks as cancelled and the instance goes on', async () => {
    const id = (await p.start(gov, 'approve-two-of-three', { approvers: APPROVERS }).expect(201)).body.id as string;
    const open = await openTasks(id);
    expect(open.map((task) => task.candidateRoles[0]).sort()).toEqual([...APPROVERS].sort());
    const taskFor = (role: string): Json => open.find((task) => task.candidateRoles[0] === role) as Json;
    await p.complete(by['top-management'], taskFor('top-management').id, { variables: { decision: 'approve' } }).expect(200);
    expect((await p.instance(gov, id).expect(200)).body.status).toBe('active');
    await p.complete(by.dpo, taskFor('dpo').id, { variables: { decision: 'approve' } }).expect(200);

    const done = (await p.instance(gov, id).expect(200)).body;
    expect(done.status).toBe('completed');
    expect(done.variables.decisions).toEqual([{ role: 'dpo', decision: 'approve' }, null, { role: 'top-management', decision: 'approve' }]);
    const remaining = (
      await t.http
        .get(`/api/v1/tasks/${taskFor('compliance-officer').id}`)
        .set(auth(gov))
        .expect(200)
    ).body;
    expect(remaining.status).toBe('cancelled');
    await p.complete(by['compliance-officer'], remaining.id, { variables: { decision: 'approve' } }).expect(409);
  });

  it('a sequential call activity starts the next child only when the one before it has ended', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'check-supplier',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Check" aimsflow:candidateRoles="compliance-officer"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Check', 'End')}`,
        ),
      )
      .expect(201);
    await p
      .deploy(
        gov,
        bpmn(
          'check-suppliers',
          `<bpmn:startEvent id="Start"/>
           <bpmn:callActivity id="CheckEach" calledElement="check-supplier">
             <bpmn:multiInstanceLoopCharacteristics isSequential="true" aimsflow:collection="suppliers" aimsflow:elementVariable="supplier"/>
           </bpmn:callActivity>
           <bpmn:endEvent id="End"/>
           ${chain('Start', 'CheckEach', 'End')}`,
        ),
      )
      .expect(201);
    const id = (await p.start(gov, 'check-suppliers', { suppliers: ['acme', 'globex'] }).expect(201)).body.id as string;
    const children = async (): Promise<Json[]> => (await p.instance(gov, id).expect(200)).body.children as Json[];
    for (const supplier of ['acme', 'globex']) {
      const active = (await children()).filter((c) => c.status === 'active');
      expect(active).toHaveLength(1);
      const child = (await p.instance(gov, active[0].id).expect(200)).body;
      expect(child.variables).toMatchObject({ supplier });
      const check = await p.taskOf(gov, child.id, 'Check');
      await p.complete(by['compliance-officer'], check.id).expect(200);
    }
    expect((await children()).map((c) => c.status)).toEqual(['completed', 'completed']);
    expect((await p.instance(gov, id).expect(200)).body.status).toBe('completed');
  });
});
