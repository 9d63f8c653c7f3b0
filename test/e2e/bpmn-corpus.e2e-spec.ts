import { readFileSync, readdirSync } from 'node:fs';
import { comparableFigures, type CorpusResults, refusedByDesign } from '../../bench/bpmn-corpus.bench.js';
import { fromProjectRoot } from '../../src/common/paths.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const CORPUS = 'test/fixtures/bpmn/corpus';

/**
 * What `npm run bench:corpus` measured. The peer's run count is the floor for aimsflow's deploy count on the files not
 * refused by design (JavaScript and JUEL stay refused, FEEL suggested), and the recorded deploy count is the floor
 * for the total.
 */
const recorded = JSON.parse(readFileSync(fromProjectRoot(CORPUS, 'results.json'), 'utf8')) as CorpusResults;
/**
 * Files bpmn-engine runs that aimsflow refuses for a reason other than JavaScript or JUEL: the gap to the peer on the
 * comparable subset (issue 14's target, not met yet). Each stays refused on purpose or for want of a feature; the
 * test fails when one more joins them, and when one of them deploys (take it off the list then).
 */
const KNOWN_GAPS: Record<string, string> = {
  'bpmn-elements/activity-execution.bpmn': 'message start event without a message (Camunda refuses it too)',
  'bpmn-elements/ad-hoc-subprocess.bpmn': 'ad-hoc sub-process',
  'bpmn-elements/escalation-start-event.bpmn': 'event sub-process without end event',
  'bpmn-elements/throw-compensate.bpmn': 'transaction',
  'bpmn-elements/transaction.bpmn': 'cancel boundary event',
  'bpmn-elements/wait-activities.bpmn': 'message and signal catch events without a name (Camunda refuses them too), conditional boundary event',
  'bpmn-engine/conditional-bound-js-event.bpmn': 'conditional boundary event',
  'bpmn-engine/lanes.bpmn': 'message catch event without a message (Camunda refuses it too)',
  'camunda-modeler/resources-diagram-lint-errors.bpmn': 'business rule task with neither decision nor rule set (a lint error; Camunda refuses it too)',
  'camunda-modeler/resources-diagram-xss.bpmn': 'illegal XML id',
};

const files = (readdirSync(fromProjectRoot(CORPUS), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.bpmn'))
  .map((f) => f.split('\\').join('/'))
  .sort();

describe('BPMN corpus: real files drawn by others, deployed over HTTP', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  const outcomes = new Map<
    string,
    { status: number; type: string; body: { detail?: string; errors?: Array<{ elementId?: string; pointer: string; message: string }> } }
  >();

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    for (const file of files) {
      const res = await p.deploy(gov, readFileSync(fromProjectRoot(CORPUS, file), 'utf8'));
      outcomes.set(file, { status: res.status, type: String(res.headers['content-type'] ?? ''), body: res.body });
    }
  });
  afterAll(() => t.close());

  it('has a recorded result for every corpus file', () => {
    expect(Object.keys(recorded.results).sort()).toEqual(files);
  });

  it('answers every file without a server error', () => {
    const serverErrors = [...outcomes].filter(([, o]) => o.status >= 500).map(([file, o]) => `${file}: ${o.status}`);
    expect(serverErrors).toEqual([]);
  });

  it('refuses only with problem+json: a 422 naming the element at fault, or a 400 for a document that is not one deployable BPMN process', () => {
    const badRefusals = [...outcomes]
      .filter(([, o]) => o.status >= 400)
      .filter(([, o]) => {
        if (!o.type.startsWith('application/problem+json')) return true;
        if (o.status === 400) return !o.body.detail || !o.body.errors?.length;
        return o.status !== 422 || !o.body.errors?.length || o.body.errors.some((e) => !e.elementId || e.pointer !== `/elements/${e.elementId}` || !e.message);
      })
      .map(([file, o]) => `${file}: ${o.status} ${JSON.stringify(o.body)}`);
    expect(badRefusals).toEqual([]);
  });

  it('on the files not refused by design, deploys every file bpmn-engine runs but the known gaps; in all, no fewer than recorded', async () => {
    const live = Object.fromEntries(
      [...outcomes].map(([file, o]) => {
        const messages = [...(o.body.errors ?? []).map((e) => e.message), o.body.detail ?? ''];
        const byDesign = o.status >= 400 && o.status < 500 && refusedByDesign(messages);
        return [file, { peerRan: recorded.results[file].peerRan, status: o.status, ...(byDesign ? { refusedByDesign: true as const } : {}) }];
      }),
    );
    const deployed = [...outcomes.values()].filter((o) => o.status === 201 || o.status === 200).length;
    const comparable = comparableFigures(live);
    // The figures go to the test output so a regression (or progress) shows beside the peer's.
    process.stdout.write(
      `BPMN corpus: ${deployed} of ${files.length} deployed (bpmn-engine runs ${recorded.peerRuns}); ` +
        `without the files refused by design: ${comparable.deployed} of ${comparable.files} deployed, bpmn-engine runs ${comparable.peerRuns}\n`,
    );
    // (b) as issue 14 states it, up to the named gaps: every other file the peer runs deploys here too.
    const gaps = Object.entries(live)
      .filter(([, r]) => r.peerRan && !r.refusedByDesign && r.status >= 400)
      .map(([file]) => file)
      .sort();
    expect(gaps).toEqual(Object.keys(KNOWN_GAPS).sort());
    expect(comparable.deployed + gaps.length).toBeGreaterThanOrEqual(comparable.peerRuns);
    expect(deployed).toBeGreaterThanOrEqual(recorded.deployed);
    const listed = await t.http.get('/api/v1/process-definitions?limit=1').set(auth(gov)).expect(200);
    expect(listed.body.total).toBeGreaterThan(0);
  });

  it('gives a user task modelled without candidate roles to administrators (a Camunda Modeler fixture, under a key of its own)', async () => {
    const xml = readFileSync(fromProjectRoot(CORPUS, 'camunda-modeler/test-e2e-c7-user-task-form.bpmn'), 'utf8').replace(/"Process_1"/g, '"corpus-unassigned"');
    const deployed = await p.deploy(gov, xml).expect(201);
    expect(deployed.body.warnings).toContainEqual({ elementId: 'Task_1', message: expect.stringMatching(/no candidate roles: only administrators/) });
    const instanceId = (await p.start(gov, 'corpus-unassigned').expect(201)).body.id as string;
    const task = await p.taskOf(ADMIN_TOKEN, instanceId, 'Task_1');
    expect(task.candidateRoles).toEqual(['admin']);
    await p.complete(gov, task.id).expect(403);
    await p.complete(ADMIN_TOKEN, task.id).expect(200);
    expect((await p.instance(gov, instanceId)).body.status).toBe('completed');
  });

  it('runs a Camunda 7 Java-delegate service task as an external job a worker completes (a Camunda Modeler fixture, under a key of its own)', async () => {
    const xml = readFileSync(fromProjectRoot(CORPUS, 'camunda-modeler/test-e2e-c7-service-task.bpmn'), 'utf8').replace(/"Process_1"/g, '"corpus-delegate"');
    const deployed = await p.deploy(gov, xml).expect(201);
    expect(deployed.body.warnings).toContainEqual({ elementId: 'ServiceTask_1', message: expect.stringMatching(/external job of type "ServiceTask_1"/) });
    const instanceId = (await p.start(gov, 'corpus-delegate').expect(201)).body.id as string;
    const worker = await t.tokenFor('check-service', 'integration');
    const activated = await t.http
      .post('/api/v1/jobs/activate')
      .set(auth(worker))
      .send({ type: 'ServiceTask_1', worker: 'w1', maxJobsToActivate: 10, timeout: 60_000 })
      .expect(200);
    const job = (activated.body.jobs as Array<{ key: string; processInstanceId: string }>).find((j) => j.processInstanceId === instanceId);
    expect(job).toBeDefined();
    await t.http
      .post(`/api/v1/jobs/${job!.key}/complete`)
      .set(auth(worker))
      .send({ variables: { checked: true } })
      .expect(200);
    expect((await p.instance(gov, instanceId)).body).toMatchObject({ status: 'completed', variables: { checked: true } });
  });
});
