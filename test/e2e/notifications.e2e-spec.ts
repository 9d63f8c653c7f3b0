import { Database } from '../../src/database/database.js';
import { EvidenceExpiryWorker } from '../../src/evidence/evidence-expiry-worker.js';
import { NotificationDeliveryWorker } from '../../src/notifications/notification-delivery-worker.js';
import { NotificationFanout } from '../../src/notifications/notification-fanout.js';
import { TaskDeadlinesWorker } from '../../src/tasks/task-deadlines-worker.js';
import { type OutboxConsumer, OutboxService } from '../../src/webhooks/outbox.service.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { minimalSystem } from '../helpers/lifecycle.js';
import { startSmtpReceiver } from '../helpers/smtp-receiver.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const CONSOLE = 'https://console.example';

const REVIEW = bpmn(
  'notified-review',
  `<bpmn:startEvent id="Start"/>
   <bpmn:userTask id="Draft" name="Draft the policy" aimsflow:candidateRoles="ai-owner" aimsflow:dueDate="P2D">
     <bpmn:extensionElements><aimsflow:formField name="summary" type="string" required="true"/></bpmn:extensionElements>
   </bpmn:userTask>
   <bpmn:userTask id="Review" name="Review the policy" aimsflow:candidateRoles="compliance-officer" aimsflow:separateFrom="Draft">
     <bpmn:extensionElements><aimsflow:formField name="decision" type="enum" values="approve,request-changes" required="true"/></bpmn:extensionElements>
   </bpmn:userTask>
   <bpmn:exclusiveGateway id="Decision" default="F_back"/>
   <bpmn:userTask id="SignOff" name="Sign the policy off" aimsflow:candidateRoles="top-management"/>
   <bpmn:endEvent id="End"/>
   ${chain('Start', 'Draft', 'Review', 'Decision')}
   <bpmn:sequenceFlow id="F_ok" sourceRef="Decision" targetRef="SignOff"><bpmn:conditionExpression>=decision = "approve"</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="F_back" sourceRef="Decision" targetRef="Draft"/>
   ${chain('SignOff', 'End')}`,
);

const PANEL = bpmn(
  'notified-panel',
  `<bpmn:startEvent id="Start"/>
   <bpmn:userTask id="Approvals" name="Approve the release" aimsflow:candidateRoles="auditor">
     <bpmn:extensionElements><aimsflow:formField name="decision" type="enum" values="approve,reject" required="true"/></bpmn:extensionElements>
     <bpmn:multiInstanceLoopCharacteristics aimsflow:collection="items" aimsflow:elementVariable="item"/>
   </bpmn:userTask>
   <bpmn:endEvent id="End"/>
   ${chain('Start', 'Approvals', 'End')}`,
);

const PRIVACY = bpmn(
  'notified-privacy',
  `<bpmn:startEvent id="Start"/>
   <bpmn:userTask id="Check" name="Check the data protection notice" aimsflow:candidateRoles="dpo"/>
   <bpmn:endEvent id="End"/>
   ${chain('Start', 'Check', 'End')}`,
);

describe('notifications: task events by e-mail (real SMTP), chat and in the app', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let slack: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let teams: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let p: ReturnType<typeof processClient>;
  const token: Record<string, string> = {};
  let gov: string;

  /** Fans out what the outbox holds, then sends what is due. */
  async function pump() {
    await t.app.get(NotificationFanout).runOnce();
    await t.app.get(NotificationDeliveryWorker).runOnce();
  }
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  /** A person in the directory (through its API), with their own notification choices, and a token to act as them. */
  async function addPerson(identity: string, roles: string[], notificationPreferences: Record<string, unknown> = {}, chatTarget: unknown = null) {
    const created = await t.http
      .post('/api/v1/people')
      .set(auth(ADMIN_TOKEN))
      .send({ identity, displayName: identity, email: `${identity}@example.com`, assignedRoles: roles })
      .expect(201);
    await t.http.patch(`/api/v1/people/${created.body.id}`).set(auth(ADMIN_TOKEN)).send({ notificationPreferences, chatTarget }).expect(200);
    token[identity] = await t.tokenFor(identity, ...(roles as never[]));
    return created.body.id as string;
  }
  async function startReview(): Promise<{ instanceId: string; draftId: string }> {
    const started = await p.start(gov, 'notified-review').expect(201);
    const draft = await p.taskOf(gov, started.body.id, 'Draft');
    return { instanceId: started.body.id, draftId: draft.id };
  }
  const advance = (duration: string) => p.advance(gov, duration).expect(200);

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    slack = await startWebhookReceiver();
    teams = await startWebhookReceiver();
    t = await createTestApp({
      ...OWN_PROCESSES_ONLY,
      clock: 'manual',
      notifyPollIntervalMs: 0,
      webhookPollIntervalMs: 0,
      smtpUrl: smtp.url,
      publicUrl: CONSOLE,
      notifyMaxAttempts: 3,
      notifyRetryBaseMs: 1000,
      notifyDigestHour: 8,
      // The Slack and Teams receivers of the test listen on plain http on loopback.
      chatAllowHttpLoopback: true,
    });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance', 'top-management');
    await p.deploy(gov, REVIEW).expect(201);
    await p.deploy(gov, PANEL).expect(201);
    await p.deploy(gov, PRIVACY).expect(201);
    await addPerson('olivia', ['ai-owner', 'compliance-officer']);
    await addPerson('oscar', ['ai-owner'], { 'task-available': { channels: ['email', 'in-app'], digest: 'daily' } });
    await addPerson('owen', ['ai-owner'], { 'task-available': { channels: ['chat'], digest: 'immediate' } }, { format: 'slack', url: slack.url });
    await addPerson('carla', ['compliance-officer']);
    await addPerson('chris', ['compliance-officer'], { 'task-available': { channels: ['chat'], digest: 'immediate' } }, { format: 'teams', url: teams.url });
    await addPerson('tom', ['top-management']);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await slack.close();
    await teams.close();
  });

  let first: { instanceId: string; draftId: string };

  it('tells every person holding the role of a new task, each by their own channels, with a link to the console', async () => {
    first = await startReview();
    await pump();
    const link = `${CONSOLE}/tasks/${first.draftId}`;
    const [mail] = mailsTo('olivia@example.com');
    expect(mailsTo('olivia@example.com')).toHaveLength(1);
    expect(mail.subject).toBe('[aimsflow] New task: Draft the policy');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    // oscar takes new tasks in the daily digest, owen in Slack only
    expect(mailsTo('oscar@example.com')).toHaveLength(0);
    expect(mailsTo('owen@example.com')).toHaveLength(0);
    expect(smtp.received.flatMap((m) => m.to)).toEqual(['olivia@example.com']);
    expect(slack.received).toHaveLength(1);
    const message = JSON.parse(slack.received[0].body);
    expect(message.text).toContain('New task: Draft the policy');
    expect(message.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ accessory: expect.objectContaining({ type: 'button', url: link }) })]));
    // and nothing twice on the next pass
    await pump();
    expect(smtp.received).toHaveLength(1);
    expect(slack.received).toHaveLength(1);
  });

  it('gathers the digest: one mail at the digest hour listing each new task with its link', async () => {
    const more = [await startReview(), await startReview()];
    await pump();
    expect(mailsTo('oscar@example.com')).toHaveLength(0);
    const queued = await t.http.get('/api/v1/notifications/deliveries').query({ person: 'oscar', status: 'queued' }).set(auth(ADMIN_TOKEN)).expect(200);
    expect(queued.body.total).toBe(3);

    const now = new Date((await t.http.get('/api/v1/clock').set(auth(gov))).body.now);
    const next8 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8) + (now.getUTCHours() >= 8 ? 86_400_000 : 0);
    await advance(`PT${Math.ceil((next8 - now.getTime()) / 60_000) + 1}M`);
    await pump();
    const digests = mailsTo('oscar@example.com');
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('[aimsflow] 3 new tasks for you');
    for (const id of [first.draftId, ...more.map((m) => m.draftId)]) expect(digests[0].text).toContain(`${CONSOLE}/tasks/${id}`);
    await pump();
    expect(mailsTo('oscar@example.com')).toHaveLength(1);
  });

  it('tells the person a task is delegated to, and the submitter when the review sends the work back', async () => {
    await t.http.post(`/api/v1/tasks/${first.draftId}/delegate`).set(auth(ADMIN_TOKEN)).send({ to: 'olivia' }).expect(200);
    await pump();
    expect(mailsTo('olivia@example.com').map((m) => m.subject)).toContain('[aimsflow] Assigned to you: Draft the policy');

    await p.complete(token.olivia, first.draftId, { variables: { summary: 'v1' } }).expect(200);
    await pump();
    // the review is offered to carla by mail and to chris in Teams, as an Adaptive Card; not to olivia, who drafted it
    expect(mailsTo('carla@example.com').map((m) => m.subject)).toEqual(['[aimsflow] New task: Review the policy']);
    expect(mailsTo('olivia@example.com').map((m) => m.subject)).not.toContain('[aimsflow] New task: Review the policy');
    expect(teams.received).toHaveLength(1);
    const card = JSON.parse(teams.received[0].body);
    expect(card.type).toBe('message');
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0].content.type).toBe('AdaptiveCard');
    const review = await p.taskOf(gov, first.instanceId, 'Review');
    const created = await t.db.query(`SELECT data FROM outbox_events WHERE type = 'task.created' AND data->>'id' = $1`, [review.id]);
    expect(created.rows[0].data.barred).toEqual(['olivia']);
    expect(card.attachments[0].content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open task', url: `${CONSOLE}/tasks/${review.id}` });

    await p.complete(token.carla, review.id, { variables: { decision: 'request-changes' } }).expect(200);
    await pump();
    const returned = mailsTo('olivia@example.com').filter((m) => m.subject === '[aimsflow] Sent back: Review the policy');
    expect(returned).toHaveLength(1);
    expect(returned[0].text).toContain('carla completed "Review the policy" with "request-changes"');
    const { rows } = await t.db.query(`SELECT data FROM outbox_events WHERE type = 'task.completed' AND data->>'id' = $1`, [review.id]);
    expect(rows[0].data.returnedTo).toBe('olivia');
  });

  it('announces due-soon and overdue tasks once, to the assignee or else the candidates', async () => {
    const draft = await p.taskOf(gov, first.instanceId, 'Draft');
    await t.http.post(`/api/v1/tasks/${draft.id}/claim`).set(auth(token.olivia)).expect(200);
    const before = mailsTo('olivia@example.com').length;
    await advance('P1DT12H');
    await t.app.get(TaskDeadlinesWorker).runOnce();
    await pump();
    const subjects = mailsTo('olivia@example.com')
      .slice(before)
      .map((m) => m.subject);
    expect(subjects.filter((s) => s === '[aimsflow] Due soon: Draft the policy')).toHaveLength(1);
    await advance('P1D');
    await t.app.get(TaskDeadlinesWorker).runOnce();
    await t.app.get(TaskDeadlinesWorker).runOnce();
    await pump();
    const later = mailsTo('olivia@example.com')
      .slice(before)
      .map((m) => m.subject);
    expect(later.filter((s) => s === '[aimsflow] Overdue: Draft the policy').length).toBeGreaterThanOrEqual(1);
    // the claimed one went to olivia alone: carla holds no ai-owner role, and oscar heard of the unclaimed ones only
    const overdue = await t.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'task.overdue' AND data->>'id' = $1`, [draft.id]);
    expect(overdue.rows[0].n).toBe(1);
  });

  it('retries while the SMTP server is down and delivers once it is back, losing nothing and sending nothing twice', async () => {
    await smtp.stop();
    const down = await startReview();
    await pump();
    const retrying = await t.http.get('/api/v1/notifications/deliveries').query({ person: 'olivia', status: 'pending' }).set(auth(ADMIN_TOKEN)).expect(200);
    expect(retrying.body.items).toEqual([
      expect.objectContaining({ channel: 'email', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) }),
    ]);
    await smtp.start();
    await pump(); // not due yet: the retry waits for its backoff
    expect(smtp.received.filter((m) => m.text.includes(down.draftId))).toHaveLength(0);
    await advance('PT10M');
    await pump();
    await advance('PT10M');
    await pump();
    expect(smtp.received.filter((m) => m.text.includes(`${CONSOLE}/tasks/${down.draftId}`)).flatMap((m) => m.to)).toEqual(['olivia@example.com']);
    const delivered = await t.http.get(`/api/v1/notifications/deliveries/`).query({ person: 'olivia', status: 'delivered', limit: 500 }).set(auth(ADMIN_TOKEN));
    expect(delivered.body.items.find((d: { id: string }) => d.id === retrying.body.items[0].id)).toMatchObject({ attempts: 2, lastError: null });
  });

  it('marks a delivery failed once its attempts are used up, and sends it again on redelivery, exactly once', async () => {
    await smtp.stop();
    const down = await startReview();
    await pump();
    const pending = await t.http
      .get('/api/v1/notifications/deliveries')
      .query({ person: 'olivia', channel: 'email', status: 'pending' })
      .set(auth(ADMIN_TOKEN));
    expect(pending.body.items[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
    await advance('PT1H');
    await pump();
    await advance('PT1H');
    await pump();
    const failed = await t.http.get('/api/v1/notifications/deliveries').query({ status: 'failed', channel: 'email' }).set(auth(ADMIN_TOKEN)).expect(200);
    expect(failed.body.total).toBeGreaterThanOrEqual(1);
    expect(failed.body.items[0]).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.any(String), target: 'olivia@example.com' });

    await smtp.start();
    for (const item of failed.body.items) {
      const again = await t.http.post(`/api/v1/notifications/deliveries/${item.id}/redeliver`).set(auth(ADMIN_TOKEN)).expect(200);
      expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    }
    await pump();
    await pump();
    const link = `${CONSOLE}/tasks/${down.draftId}`;
    expect(smtp.received.filter((m) => m.text.includes(link)).flatMap((m) => m.to)).toEqual(['olivia@example.com']);
    const missing = await t.http.get('/api/v1/notifications/deliveries').query({ status: 'failed' }).set(auth(ADMIN_TOKEN));
    expect(missing.body.total).toBe(0);
    await t.http.post(`/api/v1/notifications/deliveries/${failed.body.items[0].id}/redeliver`).set(auth(token.olivia)).expect(403);
  });

  it('keeps in-app notifications with read and unread', async () => {
    const unread = await t.http.get('/api/v1/me/notifications').query({ unread: 'true' }).set(auth(token.oscar)).expect(200);
    expect(unread.body.total).toBeGreaterThanOrEqual(3);
    expect(unread.body.items[0]).toMatchObject({ read: false, link: expect.stringContaining(`${CONSOLE}/tasks/`) });
    const one = unread.body.items[0].id;
    await t.http.post(`/api/v1/me/notifications/${one}/read`).set(auth(token.olivia)).expect(404);
    const read = await t.http.post(`/api/v1/me/notifications/${one}/read`).set(auth(token.oscar)).expect(200);
    expect(read.body.read).toBe(true);
    const after = await t.http.get('/api/v1/me/notifications').query({ unread: 'true' }).set(auth(token.oscar));
    expect(after.body.total).toBe(unread.body.total - 1);
    const all = await t.http.post('/api/v1/me/notifications/read-all').set(auth(token.oscar)).expect(200);
    expect(all.body.marked).toBe(unread.body.total - 1);
    expect((await t.http.get('/api/v1/me/notifications').query({ unread: 'true' }).set(auth(token.oscar))).body.total).toBe(0);
  });

  it('tells the only person who can act on a task that it waits on them alone, by the channels their role sets by default', async () => {
    // top management hears of approvals waiting on them by e-mail only (a role default; tom chose nothing himself)
    await t.http
      .patch('/api/v1/roles/top-management')
      .set(auth(gov))
      .send({ notificationDefaults: { 'approval-waiting-on-you': { channels: ['email'], digest: 'immediate' } } })
      .expect(200);
    const { instanceId, draftId } = await startReview();
    await p.complete(token.olivia, draftId, { variables: { summary: 'v1' } }).expect(200);
    const review = await p.taskOf(gov, instanceId, 'Review');
    await p.complete(token.carla, review.id, { variables: { decision: 'approve' } }).expect(200);
    await pump();
    expect(mailsTo('tom@example.com').map((m) => m.subject)).toContain('[aimsflow] Waiting only on you: Sign the policy off');
    const { rows } = await t.db.query(`SELECT data FROM outbox_events WHERE type = 'task.waiting-on-you'`);
    expect(rows.map((r) => r.data.person)).toContain('tom');
    expect((await t.http.get('/api/v1/me/notifications').set(auth(token.tom)).expect(200)).body.total).toBe(0);
  });

  it('names what the task is about (the AI system) next to the task in the mail subject and the chat text', async () => {
    const owner = await t.tokenFor('ada', 'ai-owner');
    const system = await t.http.post('/api/v1/ai-systems').set(auth(owner)).send(minimalSystem('Inbox spam filter')).expect(201);
    const started = await p.start(gov, 'notified-review', {}, { type: 'ai-system', id: system.body.id }).expect(201);
    const draft = await p.taskOf(gov, started.body.id, 'Draft');
    await pump();
    const [mail] = mailsTo('olivia@example.com').filter((m) => m.text.includes(`${CONSOLE}/tasks/${draft.id}`));
    expect(mail.subject).toBe('[aimsflow] New task: Draft the policy (Inbox spam filter)');
    const chat = slack.received.map((r) => JSON.parse(r.body)).find((b) => JSON.stringify(b).includes(draft.id));
    expect(chat.text).toContain('New task: Draft the policy (Inbox spam filter)');
  });

  it('re-checks "waiting only on you" as items of a multi-instance approval complete or are claimed, telling the last one once', async () => {
    for (const who of ['amy', 'ben', 'cal']) await addPerson(who, ['auditor']);
    const waitingMails = (who: string) => mailsTo(`${who}@example.com`).filter((m) => m.subject === '[aimsflow] Waiting only on you: Approve the release');
    const started = await p.start(gov, 'notified-panel', { items: ['a', 'b', 'c'] }).expect(201);
    const items = (await p.tasks(gov, { instanceId: started.body.id, status: 'open' }).expect(200)).body.items as Array<{ id: string }>;
    expect(items).toHaveLength(3);
    await pump();
    expect(mailsTo('cal@example.com').map((m) => m.subject)).toEqual(Array(3).fill('[aimsflow] New task: Approve the release'));

    // amy approves one item: two people may still take each of the other two
    await p.complete(token.amy, items[0].id, { variables: { decision: 'approve' } }).expect(200);
    await pump();
    expect(waitingMails('ben')).toHaveLength(0);
    expect(waitingMails('cal')).toHaveLength(0);

    // ben claims the second: only cal is left for the third, and is told so, about that item
    await t.http.post(`/api/v1/tasks/${items[1].id}/claim`).set(auth(token.ben)).expect(200);
    await pump();
    expect(waitingMails('cal')).toHaveLength(1);
    expect(waitingMails('cal')[0].text).toContain(`${CONSOLE}/tasks/${items[2].id}`);
    expect(waitingMails('ben')).toHaveLength(0);

    // ben completes his item: the third still waits on cal alone, who is not told twice
    await p.complete(token.ben, items[1].id, { variables: { decision: 'approve' } }).expect(200);
    await pump();
    expect(waitingMails('cal')).toHaveLength(1);
    const { rows } = await t.db.query(`SELECT data FROM outbox_events WHERE type = 'task.waiting-on-you' AND data->>'id' = $1`, [items[2].id]);
    expect(rows.map((r) => r.data.person)).toEqual(['cal']);
    const completed = await t.db.query(`SELECT data FROM outbox_events WHERE type = 'task.completed' AND data->>'id' = $1`, [items[1].id]);
    expect(completed.rows[0].data.openItems).toEqual([
      expect.objectContaining({ id: items[2].id, assignee: null, candidateRoles: ['auditor'], barred: expect.arrayContaining(['amy', 'ben']) }),
    ]);
  });

  it("sends chat to the person's current chat target: the retry after they fixed a broken URL goes to the new one", async () => {
    const gone = await startWebhookReceiver();
    await gone.close();
    // pia is the only dpo: the task waits on her alone
    const pia = await addPerson('pia', ['dpo'], { 'approval-waiting-on-you': { channels: ['chat'], digest: 'immediate' } }, { format: 'slack', url: gone.url });
    const started = await p.start(gov, 'notified-privacy').expect(201);
    const check = await p.taskOf(gov, started.body.id, 'Check');
    await pump();
    const failing = await t.http.get('/api/v1/notifications/deliveries').query({ person: 'pia', channel: 'chat' }).set(auth(ADMIN_TOKEN)).expect(200);
    expect(failing.body.items).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.any(String) })]);

    await t.http
      .patch(`/api/v1/people/${pia}`)
      .set(auth(ADMIN_TOKEN))
      .send({ chatTarget: { format: 'slack', url: slack.url } })
      .expect(200);
    await advance('PT10M');
    await pump();
    const posted = slack.received.filter((r) => r.body.includes(`${CONSOLE}/tasks/${check.id}`));
    expect(posted).toHaveLength(1);
    const delivered = await t.http.get('/api/v1/notifications/deliveries').query({ person: 'pia', channel: 'chat' }).set(auth(ADMIN_TOKEN)).expect(200);
    expect(delivered.body.items).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, lastError: null })]);
  });

  it('announces evidence expiring within the notice window and then expired, once each, to its uploader and governance', async () => {
    await addPerson('rhea', ['risk-officer']);
    await addPerson('gus', ['governance']);
    const system = await t.http
      .post('/api/v1/ai-systems')
      .set(auth(await t.tokenFor('ada', 'ai-owner')))
      .send(minimalSystem('Chat assistant'))
      .expect(201);
    const now = new Date((await t.http.get('/api/v1/clock').set(auth(gov))).body.now);
    const validUntil = new Date(now.getTime() + 40 * 86_400_000).toISOString();
    const uploaded = await t.http
      .post('/api/v1/evidence')
      .set(auth(token.rhea))
      .field('description', 'Penetration test report')
      .field('systemId', system.body.id)
      .field('validUntil', validUntil)
      .attach('file', Buffer.from('%PDF-1.7\nreport'), { filename: 'pen-test.pdf', contentType: 'application/pdf' })
      .expect(201);
    const expiry = t.app.get(EvidenceExpiryWorker);
    const announced = async (type: string) =>
      (await t.db.query(`SELECT data FROM outbox_events WHERE type = $1 AND subject_id = $2`, [type, uploaded.body.id])).rows.map((r) => r.data);

    await expiry.runOnce();
    expect(await announced('evidence.expiring')).toEqual([]); // 40 days out, the notice window is 30
    await advance('P11D');
    await expiry.runOnce();
    await expiry.runOnce();
    expect(await announced('evidence.expiring')).toEqual([
      expect.objectContaining({ id: uploaded.body.id, fileName: 'pen-test.pdf', uploadedBy: 'rhea', validUntil: new Date(validUntil).toISOString() }),
    ]);
    await pump();
    const subject = '[aimsflow] Evidence expiring: Penetration test report (pen-test.pdf)';
    for (const who of ['rhea', 'gus']) expect(mailsTo(`${who}@example.com`).map((m) => m.subject)).toEqual([subject]);
    expect(mailsTo('rhea@example.com')[0].text).toContain(`${CONSOLE}/evidence/${uploaded.body.id}`);

    await advance('P30D');
    await expiry.runOnce();
    await expiry.runOnce();
    await pump();
    expect(await announced('evidence.expired')).toHaveLength(1);
    expect(await announced('evidence.expiring')).toHaveLength(1);
    expect(mailsTo('gus@example.com').map((m) => m.subject)).toEqual([subject, '[aimsflow] Evidence expired: Penetration test report (pen-test.pdf)']);
    const inApp = await t.http.get('/api/v1/me/notifications').set(auth(token.rhea)).expect(200);
    expect(inApp.body.items.map((n: { title: string }) => n.title)).toEqual([
      'Evidence expired: Penetration test report (pen-test.pdf)',
      'Evidence expiring: Penetration test report (pen-test.pdf)',
    ]);
  });

  it('reads the outbox without skipping an event whose transaction commits after a later one, and without waiting for it', async () => {
    const consumer = 'gap-test' as OutboxConsumer;
    await t.db.query(`INSERT INTO outbox_cursors (consumer, seen) VALUES ($1, pg_current_snapshot())`, [consumer]);
    const read: string[] = [];
    const consume = (limit = 2) =>
      t.app
        .get(Database)
        .transaction((m) => t.app.get(OutboxService).consume(m, consumer, limit, async (events) => void read.push(...events.map((e) => e.subjectId))));
    const publish = (client: { query: typeof t.db.query }, id: string) =>
      client.query(`INSERT INTO outbox_events (type, subject_type, subject_id, data, occurred_at) VALUES ('task.reminder', 'task', $1, '{}', now())`, [id]);

    const slow = await t.db.connect();
    try {
      await slow.query('BEGIN');
      await publish(slow, 'early'); // takes its transaction id and seq first, commits last
      for (const id of ['a', 'b', 'c']) await publish(t.db, id);
      while ((await consume()) !== 0);
      expect(read).toEqual(['a', 'b', 'c']);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    while ((await consume()) !== 0);
    expect(read).toEqual(['a', 'b', 'c', 'early']);
  });
});
