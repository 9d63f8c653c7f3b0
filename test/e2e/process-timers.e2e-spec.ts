import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { addMonths, type Json, lifecycleClient, type LifecycleClient, type Person } from '../helpers/lifecycle.js';
import { bpmn, chain, processClient } from '../helpers/processes.js';
import { waitingOnReviews } from '../helpers/timers.js';

/**
 * GET /process-timers: the timers instances wait for, across instances (the dashboard's timeline):
 * a nonconformity's effectiveness review and a certification audit's first surveillance audit.
 */
describe('pending process timers', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let audrey: Person; // auditor: reads
  let systemId: string;
  let onboardingId: string;
  let nc: Json;
  let audit: Json;

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    audrey = await lc.person('audrey', 'auditor');
    ({ systemId, onboardingId, nc, audit } = await waitingOnReviews(lc));
  });
  afterAll(() => t.close());

  const timers = async (query: Json = {}): Promise<Json> => (await lc.get(audrey, '/process-timers', query).expect(200)).body;

  it('lists every pending timer by due time, with its element name, kind and subject', async () => {
    const effectiveness = (await lc.instance(audrey, nc.instanceId)).timers[0];
    const body = await timers();
    expect(body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const dues = body.items.map((i: Json) => Date.parse(i.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(body.items[0].elementId).toBe('Timer_effectiveness');
    expect(body.items).toEqual(
      expect.arrayContaining([
        {
          id: effectiveness.id,
          instanceId: nc.instanceId,
          definitionKey: 'nonconformity',
          definitionVersion: 1,
          elementId: 'Timer_effectiveness',
          elementName: 'Effectiveness review due',
          kind: 'timer-catch',
          attachedTo: null,
          interrupting: false,
          dueAt: effectiveness.dueAt,
          status: 'pending',
          subject: { type: 'nonconformity', id: nc.id },
        },
        expect.objectContaining({
          instanceId: onboardingId,
          definitionKey: 'ai-system-onboarding',
          elementId: 'Timer_periodicReview',
          elementName: 'Periodic review due',
          kind: 'timer-catch',
          subject: { type: 'ai-system', id: systemId },
        }),
        expect.objectContaining({
          instanceId: audit.instanceId,
          definitionKey: 'certification-audit',
          elementId: 'Timer_surveillance1',
          elementName: '12 months',
          kind: 'timer-catch',
          dueAt: audit.surveillance1Due,
          subject: { type: 'audit', id: audit.id },
        }),
      ]),
    );
    expect(audit.surveillance1Due).toBe(addMonths(audit.certifiedAt, 12));
  });

  it('filters by due time, definition and subject, and pages', async () => {
    const ncDue = (await lc.instance(audrey, nc.instanceId)).timers[0].dueAt;
    const ids = (body: Json): string[] => body.items.map((i: Json) => i.elementId).sort();
    expect(ids(await timers({ dueBefore: ncDue }))).toEqual([]);
    expect(ids(await timers({ dueBefore: new Date(Date.parse(ncDue) + 1).toISOString() }))).toEqual(['Timer_effectiveness']);
    expect(ids(await timers({ dueAfter: new Date(Date.parse(ncDue) + 1).toISOString() }))).toEqual(['Timer_periodicReview', 'Timer_surveillance1']);
    expect(ids(await timers({ dueAfter: ncDue, dueBefore: audit.surveillance1Due }))).toContain('Timer_effectiveness');
    expect(ids(await timers({ definitionKey: 'certification-audit' }))).toEqual(['Timer_surveillance1']);
    expect(ids(await timers({ subjectType: 'ai-system', subjectId: systemId }))).toEqual(['Timer_periodicReview']);
    expect(ids(await timers({ subjectType: 'nonconformity', subjectId: nc.id }))).toEqual(['Timer_effectiveness']);
    expect(ids(await timers({ subjectType: 'audit' }))).toEqual(['Timer_surveillance1']);
    const first = await timers({ limit: 1 });
    expect(first).toMatchObject({ total: 3, limit: 1, offset: 0, items: [expect.objectContaining({ elementId: 'Timer_effectiveness' })] });
    expect((await timers({ limit: 2, offset: 1 })).items.map((i: Json) => i.id)).toEqual((await timers()).items.slice(1).map((i: Json) => i.id));
  });

  it('tells a boundary timer and the timer start of an event sub-process from a timer catch event', async () => {
    const gina = await lc.person('gina', 'governance');
    const p = processClient(t);
    await p
      .deploy(
        gina.token,
        bpmn(
          'timer-shapes',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Work" aimsflow:candidateRoles="ai-owner"/><bpmn:endEvent id="End"/>
           <bpmn:boundaryEvent id="Reminder" name="Reminder" attachedToRef="Work" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
           <bpmn:endEvent id="Reminded"/>
           <bpmn:subProcess id="Escalation" triggeredByEvent="true">
             <bpmn:startEvent id="Escalate" name="Escalate"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
             <bpmn:endEvent id="Escalated"/>${chain('Escalate', 'Escalated')}
           </bpmn:subProcess>
           ${chain('Start', 'Work', 'End')} ${chain('Reminder', 'Reminded')}`,
        ),
      )
      .expect(201);
    const started = (await p.start(gina.token, 'timer-shapes', {}, { type: 'case', id: 'c-1' }).expect(201)).body;
    const items = (await timers({ definitionKey: 'timer-shapes' })).items;
    expect(items.map((i: Json) => [i.elementId, i.elementName, i.kind, i.attachedTo, i.interrupting, i.instanceId, i.subject])).toEqual([
      ['Reminder', 'Reminder', 'boundary-timer', 'Work', false, started.id, { type: 'case', id: 'c-1' }],
      ['Escalate', 'Escalate', 'event-sub-process-start', null, true, started.id, { type: 'case', id: 'c-1' }],
    ]);
  });

  it('names the query field at fault', async () => {
    const res = await lc.get(audrey, '/process-timers', { dueBefore: 'soon' }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).toContain('dueBefore');
  });
});
