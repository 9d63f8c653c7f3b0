// @ts-expect-error -- a plain JavaScript example without type declarations
import { workOnce } from '../../docs/examples/job-worker.mjs';
import { Clock } from '../../src/clock/clock.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** A Camunda 8 file as drawn: a service task whose job type aimsflow has no handler for, with headers, mappings and an error boundary. */
const SCREENING = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="Defs_screening" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:error id="Error_sanctioned" name="Sanctioned" errorCode="SANCTIONED"/>
  <bpmn:process id="supplier-screening" name="Supplier screening" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:serviceTask id="Screen" name="Screen the supplier">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="sanctions-screening" retries="2"/>
        <zeebe:taskHeaders><zeebe:header key="list" value="EU"/></zeebe:taskHeaders>
        <zeebe:ioMapping>
          <zeebe:input source="=supplier.name" target="name"/>
          <zeebe:output source="=hits = 0" target="clear"/>
        </zeebe:ioMapping>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:serviceTask id="Notify"><bpmn:extensionElements><zeebe:taskDefinition type="notify"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:boundaryEvent id="Sanctioned" attachedToRef="Screen"><bpmn:errorEventDefinition errorRef="Error_sanctioned"/></bpmn:boundaryEvent>
    <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="risk-officer"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="Reject"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="risk-officer"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="End"/>
    <bpmn:endEvent id="Rejected"/>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Screen"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Screen" targetRef="Notify"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Notify" targetRef="Review"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Review" targetRef="End"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Sanctioned" targetRef="Reject"/>
    <bpmn:sequenceFlow id="f6" sourceRef="Reject" targetRef="Rejected"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('external job workers over HTTP', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let worker: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    worker = await t.tokenFor('screening-service', 'integration');
    await p.deploy(gov, SCREENING).expect(201);
  });
  afterAll(() => t.close());

  const start = async (): Promise<string> => {
    const id = `sup-${++n}`;
    return (await p.start(gov, 'supplier-screening', { supplier: { name: `ACME ${n}` } }, { type: 'supplier', id }).expect(201)).body.id as string;
  };
  const activate = (name: string, body: Record<string, unknown> = {}) =>
    t.http
      .post('/api/v1/jobs/activate')
      .set(auth(worker))
      .send({ type: 'sanctions-screening', worker: name, maxJobsToActivate: 1, timeout: 60_000, ...body });
  const answer = (key: string, action: 'complete' | 'fail' | 'error', body: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/jobs/${key}/${action}`).set(auth(worker)).send(body);
  /** The job of an instance, activated by `name`. */
  const jobOf = async (instanceId: string, name = 'w1') => {
    const jobs = (await activate(name, { maxJobsToActivate: 100 }).expect(200)).body.jobs as Array<{ key: string; processInstanceId: string }>;
    const job = jobs.find((j) => j.processInstanceId === instanceId);
    if (!job) throw new Error(`no job for ${instanceId} in ${JSON.stringify(jobs)}`);
    return job;
  };

  it('deploys unknown job types as external jobs, lists them, and refuses other roles', async () => {
    const types = (await t.http.get('/api/v1/jobs/types').set(auth(worker)).expect(200)).body;
    expect(types).toEqual([{ type: 'sanctions-screening', definitionKeys: ['supplier-screening'], open: 0 }]);
    const owner = await t.tokenFor('otto', 'ai-owner');
    await activate('w1').set(auth(owner)).expect(403);
    const unknown = await answer('not-a-key', 'complete').expect(404);
    expect(unknown.body.code).toBe('job-not-found');
  });

  it('long-polls until a step opens a job, hands it over with headers and variables, and takes its completion once', async () => {
    const polling = activate('w1', { requestTimeout: 30_000 }).then((res) => res);
    const instanceId = await start();
    const res = await polling;
    expect(res.status).toBe(200);
    expect(res.body.jobs).toEqual([
      {
        key: expect.stringMatching(/\.1$/),
        id: expect.any(String),
        type: 'sanctions-screening',
        processInstanceId: instanceId,
        processDefinitionKey: 'supplier-screening',
        processDefinitionVersion: 1,
        elementId: 'Screen',
        elementName: 'Screen the supplier',
        customHeaders: { list: 'EU' },
        variables: { supplier: { name: `ACME ${n}` }, name: `ACME ${n}` },
        retries: 2,
        worker: 'w1',
        deadline: new Date(t.app.get(Clock).now().getTime() + 60_000).toISOString(),
      },
    ]);
    const key = res.body.jobs[0].key as string;
    // Nothing else is open: an activation without requestTimeout answers at once with no jobs.
    expect((await activate('w2').expect(200)).body.jobs).toEqual([]);

    expect((await answer(key, 'complete', { variables: { hits: 0 } }).expect(200)).body).toEqual({ key, outcome: 'completed', processInstanceId: instanceId });
    const instance = (await p.instance(gov, instanceId).expect(200)).body;
    expect(instance).toMatchObject({ status: 'active', activeElementIds: ['Review'] });
    expect(instance.variables).toEqual({ supplier: { name: `ACME ${n}` }, clear: true });
    const again = await answer(key, 'complete').expect(409);
    expect(again.body.code).toBe('job-not-active');
  });

  it('hands a job whose lock expired to exactly one other worker; the first worker is then refused', async () => {
    const instanceId = await start();
    const first = await jobOf(instanceId, 'w1');
    await p.advance(gov, 'PT2M').expect(200);
    const [a, b] = await Promise.all([activate('w2', { maxJobsToActivate: 100 }), activate('w3', { maxJobsToActivate: 100 })]);
    const handed = [...a.body.jobs, ...b.body.jobs].filter((j: { processInstanceId: string }) => j.processInstanceId === instanceId);
    expect(handed).toHaveLength(1);
    expect(handed[0].key).toBe(`${first.key.split('.')[0]}.2`);
    const late = await answer(first.key, 'complete', { variables: { hits: 3 } }).expect(409);
    expect(late.body.code).toBe('job-handed-on');
    await answer(handed[0].key, 'complete', { variables: { hits: 0 } }).expect(200);
    expect((await p.instance(gov, instanceId)).body.activeElementIds).toEqual(['Review']);
  });

  it('retries a failed job after its back-off, raises an incident at 0 retries, and gives it another attempt when the incident is retried', async () => {
    const instanceId = await start();
    const job = await jobOf(instanceId);
    expect((await answer(job.key, 'fail', { retries: 1, retryBackOff: 60_000, errorMessage: 'service down' }).expect(200)).body.outcome).toBe(
      'retry-scheduled',
    );
    await answer(job.key, 'complete').expect(409);
    expect((await activate('w1', { maxJobsToActivate: 100 }).expect(200)).body.jobs).toEqual([]);
    await p.advance(gov, 'PT1M').expect(200);
    const retried = await jobOf(instanceId);
    expect(retried).toMatchObject({ retries: 1 });
    const failed = (await answer(retried.key, 'fail', { retries: 0, errorMessage: 'service down again' }).expect(200)).body;
    expect(failed).toMatchObject({ outcome: 'incident', incidentId: expect.any(String) });
    const instance = (await p.instance(gov, instanceId)).body;
    expect(instance.status).toBe('failed');
    expect(instance.incidents).toEqual([
      expect.objectContaining({
        id: failed.incidentId,
        jobId: null,
        externalJobId: job.key.split('.')[0],
        elementId: 'Screen',
        status: 'open',
        message: 'job sanctions-screening of Screen failed with no retries left: service down again',
      }),
    ]);
    await t.http.post(`/api/v1/process-instances/${instanceId}/incidents/${failed.incidentId}/retry`).set(auth(gov)).expect(200);
    expect((await p.instance(gov, instanceId)).body).toMatchObject({ status: 'active', incidents: [expect.objectContaining({ resolution: 'retried' })] });
    const last = await jobOf(instanceId);
    await answer(last.key, 'complete', { variables: { hits: 0 } }).expect(200);
    expect((await p.instance(gov, instanceId)).body.activeElementIds).toEqual(['Review']);
  });

  it('runs the worker of docs/examples against the service: a completion and a caught BPMN error', async () => {
    const clearId = await start();
    const sanctioned = (
      await p.start(gov, 'supplier-screening', { supplier: { name: 'Sanctioned Ltd' } }, { type: 'supplier', id: 'sup-sanctioned' }).expect(201)
    ).body.id as string;
    const url = await t.app.getUrl();
    const done = await workOnce({ url, token: worker, type: 'sanctions-screening', worker: 'example', requestTimeout: 0 });
    expect(done).toEqual(
      expect.arrayContaining([
        { instanceId: clearId, elementId: 'Screen', outcome: 'completed' },
        { instanceId: sanctioned, elementId: 'Screen', outcome: 'error-caught' },
      ]),
    );
    expect((await p.instance(gov, clearId)).body.activeElementIds).toEqual(['Review']);
    expect((await p.instance(gov, sanctioned)).body).toMatchObject({ activeElementIds: ['Reject'], variables: expect.objectContaining({ listedOn: 'EU' }) });
  });

  it('takes the error boundary on a BPMN error, and turns an uncaught one into an incident', async () => {
    const caughtId = await start();
    const caught = await answer((await jobOf(caughtId)).key, 'error', { errorCode: 'SANCTIONED', variables: { listedOn: 'EU' } }).expect(200);
    expect(caught.body.outcome).toBe('error-caught');
    const afterCatch = (await p.instance(gov, caughtId)).body;
    expect(afterCatch).toMatchObject({ status: 'active', activeElementIds: ['Reject'] });
    expect(afterCatch.variables.listedOn).toBe('EU');

    const uncaughtId = await start();
    const uncaught = await answer((await jobOf(uncaughtId)).key, 'error', { errorCode: 'UNKNOWN_SUPPLIER', errorMessage: 'not in the register' }).expect(200);
    expect(uncaught.body).toMatchObject({ outcome: 'incident', incidentId: expect.any(String) });
    const failed = (await p.instance(gov, uncaughtId)).body;
    expect(failed).toMatchObject({ status: 'failed', activeElementIds: ['Screen'] });
    expect(failed.incidents[0].message).toBe(
      'BPMN error "UNKNOWN_SUPPLIER" (not in the register) from job sanctions-screening of Screen is not caught by any error boundary event',
    );
  });
});
