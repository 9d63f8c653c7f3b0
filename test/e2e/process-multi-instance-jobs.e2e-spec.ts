import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** A Camunda 8 file: a parallel multi-instance service task over the suppliers, one external job per supplier, with an error boundary. */
const SCREEN_ALL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="Defs_screen_all" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:error id="Error_sanctioned" name="Sanctioned" errorCode="SANCTIONED"/>
  <bpmn:process id="screen-all-suppliers" name="Screen every supplier" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:serviceTask id="Screen" name="Screen a supplier">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="supplier-screening"/>
        <zeebe:ioMapping><zeebe:input source="=supplier.name" target="name"/></zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics>
        <bpmn:extensionElements>
          <zeebe:loopCharacteristics inputCollection="=suppliers" inputElement="supplier" outputCollection="screenings" outputElement="={name: name, hits: hits}"/>
        </bpmn:extensionElements>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:serviceTask>
    <bpmn:boundaryEvent id="Sanctioned" attachedToRef="Screen"><bpmn:errorEventDefinition errorRef="Error_sanctioned"/></bpmn:boundaryEvent>
    <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="risk-officer"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="Reject"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="risk-officer"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="End"/>
    <bpmn:endEvent id="Rejected"/>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Screen"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Screen" targetRef="Review"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Review" targetRef="End"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Sanctioned" targetRef="Reject"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Reject" targetRef="Rejected"/>
  </bpmn:process>
</bpmn:definitions>`;

interface Job {
  key: string;
  processInstanceId: string;
  elementId: string;
  variables: Record<string, unknown>;
}

describe('multi-instance external jobs over HTTP', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let worker: string;
  let n = 0;
  const suppliers = [{ name: 'ACME' }, { name: 'Globex' }, { name: 'Initech' }];

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    worker = await t.tokenFor('screening-service', 'integration');
    await p.deploy(gov, SCREEN_ALL).expect(201);
  });
  afterAll(() => t.close());

  const start = async (): Promise<string> =>
    (await p.start(gov, 'screen-all-suppliers', { suppliers }, { type: 'supplier-batch', id: `batch-${++n}` }).expect(201)).body.id as string;
  /** The open jobs of an instance, activated now, in item order. */
  const jobsOf = async (instanceId: string): Promise<Job[]> => {
    const res = await t.http
      .post('/api/v1/jobs/activate')
      .set(auth(worker))
      .send({ type: 'supplier-screening', worker: 'w1', maxJobsToActivate: 100, timeout: 60_000 })
      .expect(200);
    return (res.body.jobs as Job[])
      .filter((j) => j.processInstanceId === instanceId)
      .sort((a, b) => Number(a.variables.loopCounter) - Number(b.variables.loopCounter));
  };
  const answer = (key: string, action: 'complete' | 'error', body: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/jobs/${key}/${action}`).set(auth(worker)).send(body);

  it('hands out one job per item with its item variables; completing all, in any order, completes the task', async () => {
    const instanceId = await start();
    const jobs = await jobsOf(instanceId);
    expect(jobs.map((j) => [j.elementId, j.variables])).toEqual(
      suppliers.map((supplier, i) => ['Screen', { suppliers, supplier, loopCounter: i + 1, name: supplier.name }]),
    );
    for (const [job, hits] of [
      [jobs[2], 0],
      [jobs[0], 2],
    ] as const) {
      await answer(job.key, 'complete', { variables: { hits } }).expect(200);
      expect((await p.instance(gov, instanceId)).body.activeElementIds).toEqual(['Screen']);
    }
    await answer(jobs[1].key, 'complete', { variables: { hits: 0 } }).expect(200);
    const instance = (await p.instance(gov, instanceId).expect(200)).body;
    expect(instance).toMatchObject({ status: 'active', activeElementIds: ['Review'] });
    // Only the output collection reaches the instance, in item order; the item variables stay with their items.
    expect(instance.variables).toEqual({
      suppliers,
      screenings: [
        { name: 'ACME', hits: 2 },
        { name: 'Globex', hits: 0 },
        { name: 'Initech', hits: 0 },
      ],
    });
  });

  it('a BPMN error from one item takes the boundary event and closes the jobs of the other items', async () => {
    const instanceId = await start();
    const jobs = await jobsOf(instanceId);
    await answer(jobs[0].key, 'complete', { variables: { hits: 0 } }).expect(200);
    expect((await answer(jobs[1].key, 'error', { errorCode: 'SANCTIONED' }).expect(200)).body.outcome).toBe('error-caught');
    expect((await p.instance(gov, instanceId)).body).toMatchObject({ status: 'active', activeElementIds: ['Reject'] });
    const late = await answer(jobs[2].key, 'complete', { variables: { hits: 0 } }).expect(409);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.body.code).toBe('job-not-active');
    expect(await jobsOf(instanceId)).toEqual([]);
  });
});
