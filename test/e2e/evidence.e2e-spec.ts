import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { AuditTrailService } from '../../src/audit-trail/audit-trail.service.js';
import http from 'node:http';
import { openApiValidator } from '../helpers/openapi.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes)]);
const MAX_BYTES = 1024 * 1024;
/** supertest's parser that keeps a binary body as it came. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c)).on('end', () => done(null, Buffer.concat(parts)));
};

/** A task form that needs evidence, about an AI system. */
const NEEDS_EVIDENCE = bpmn(
  'evidence-check',
  `<bpmn:startEvent id="Start"/>
   <bpmn:userTask id="Prove" name="Show the logs are kept" aimsflow:candidateRoles="ai-owner">
     <bpmn:extensionElements>
       <aimsflow:formField name="logsProof" type="evidence" required="true" label="Evidence that event logs are kept"/>
     </bpmn:extensionElements>
   </bpmn:userTask>
   <bpmn:endEvent id="End"/>${chain('Start', 'Prove', 'End')}`,
);

describe('evidence', () => {
  let t: TestApp;
  let owner: string;
  let auditor: string;
  let gov: string;
  let topManagement: string;
  let systemId: string;

  const upload = (token: string, file: Buffer, name: string, type: string, fields: Record<string, string | string[]> = {}) => {
    let req = t.http.post('/api/v1/evidence').set(auth(token));
    for (const [field, value] of Object.entries({ description: 'Evidence', systemId, ...fields }))
      for (const v of Array.isArray(value) ? value : [value]) req = req.field(field, v);
    return req.attach('file', file, { filename: name, contentType: type });
  };
  const stored = async () => {
    const { rows } = await t.db.query<{ items: number; chunks: number }>(
      'SELECT (SELECT count(*) FROM evidence)::int AS items, (SELECT count(*) FROM evidence_chunks)::int AS chunks',
    );
    return rows[0];
  };

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual', evidenceMaxBytes: MAX_BYTES });
    owner = await t.tokenFor('olivia', 'ai-owner');
    auditor = await t.tokenFor('audrey', 'auditor');
    gov = await t.tokenFor('gina', 'governance');
    topManagement = await t.tokenFor('tim', 'top-management');
    const system = await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({ name: 'Credit scorer', intendedPurpose: 'Score loan applicants', roles: ['provider'], attributes: { useCases: ['credit-scoring'] } })
      .expect(201);
    systemId = system.body.id;
  });
  afterAll(() => t.close());

  it('streams an upload into chunks, records its SHA-256 in the audit event and gives the same bytes back', async () => {
    const file = pdf(700 * 1024);
    const res = await upload(owner, file, 'logging-report.pdf', 'application/pdf', {
      description: 'Logging configuration report',
      collectedBy: 'carla',
      controlId: ['A.6.2.8', 'A.6.2.6'],
      validUntil: '2030-01-01T00:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: 'logging-report.pdf',
      contentType: 'application/pdf',
      sizeBytes: file.length,
      sha256: sha256(file),
      collectedBy: 'carla',
      uploadedBy: 'olivia',
      expired: false,
      supersededBy: null,
    });
    expect(res.body.links).toEqual(
      expect.arrayContaining([
        { kind: 'ai-system', id: systemId },
        { kind: 'control', id: 'A.6.2.8' },
        { kind: 'control', id: 'A.6.2.6' },
      ]),
    );
    const { rows } = await t.db.query<{ seq: number; bytes: number }>(
      'SELECT seq, octet_length(data) AS bytes FROM evidence_chunks WHERE evidence_id = $1 ORDER BY seq',
      [res.body.id],
    );
    expect(rows.map((r) => r.bytes)).toEqual([262144, 262144, file.length - 2 * 262144]);

    const download = await t.http.get(`/api/v1/evidence/${res.body.id}/content`).set(auth(auditor)).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(file));
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="logging-report.pdf"; filename*=UTF-8''logging-report.pdf`,
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      'content-length': String(file.length),
    });

    const events = await t.http.get('/api/v1/audit-events').query({ subjectType: 'evidence', subjectId: res.body.id }).set(auth(auditor));
    expect(events.body.items[0]).toMatchObject({ action: 'evidence.uploaded', actor: 'olivia', after: { sha256: sha256(file), sizeBytes: file.length } });
    // Sealed into a chain that verifies. The sealer takes only events older than every open transaction
    // (a background process step of the registration may still run), so it is asked again until it has.
    const uploadedEvent = async () =>
      (await t.http.get('/api/v1/audit-events').query({ subjectType: 'evidence', subjectId: res.body.id }).set(auth(auditor))).body.items[0];
    for (let attempt = 0; attempt < 500 && (await uploadedEvent()).seq === null; attempt++) await t.app.get(AuditTrailService).sealPending();
    expect(await uploadedEvent()).toMatchObject({ action: 'evidence.uploaded', seq: expect.any(String), hash: expect.any(String) });
    expect((await t.http.get('/api/v1/audit-events/verify').set(auth(auditor))).body).toMatchObject({ valid: true });

    const byControl = await t.http.get('/api/v1/evidence').query({ controlId: 'A.6.2.8', systemId }).set(auth(topManagement));
    expect(byControl.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
    // What the API answers is what its OpenAPI document declares, field for field.
    const validator = openApiValidator((await t.http.get('/docs-json').expect(200)).body);
    expect([
      ...validator.errors('post', '/api/v1/evidence', 201, res.body),
      ...validator.errors('get', '/api/v1/evidence', 200, byControl.body),
      ...validator.errors('get', '/api/v1/evidence/{id}', 200, (await t.http.get(`/api/v1/evidence/${res.body.id}`).set(auth(auditor))).body),
    ]).toEqual([]);
    expect((await t.http.get('/api/v1/evidence').query({ controlId: 'A.5.2' }).set(auth(topManagement))).body.total).toBe(0);
    expect((await t.http.get('/api/v1/evidence').query({ uploadedBy: 'olivia', expiringBefore: '2031-01-01' }).set(auth(auditor))).body.total).toBe(1);
    expect((await t.http.get('/api/v1/evidence').query({ expiringBefore: '2029-01-01' }).set(auth(auditor))).body.total).toBe(0);
  });

  it('answers a byte range with 206 and Content-Range, reading across chunks, and 416 past the end', async () => {
    const file = pdf(600 * 1024);
    const { body } = await upload(owner, file, 'range.pdf', 'application/pdf').expect(201);
    const across = await t.http.get(`/api/v1/evidence/${body.id}/content`).set(auth(auditor)).set('Range', 'bytes=262000-262299').buffer(true).parse(binary);
    expect(across.status).toBe(206);
    expect(across.headers['content-range']).toBe(`bytes 262000-262299/${file.length}`);
    expect(Buffer.compare(across.body as Buffer, file.subarray(262000, 262300))).toBe(0);
    // Chunk edges: each range reads exactly the bytes it names, from one chunk or two.
    for (const [start, end] of [
      [0, 0],
      [262143, 262144],
      [524287, 524288],
      [524288, file.length - 1],
      [1, file.length - 2],
    ]) {
      const part = await t.http.get(`/api/v1/evidence/${body.id}/content`).set(auth(auditor)).set('Range', `bytes=${start}-${end}`).buffer(true).parse(binary);
      expect([part.status, part.headers['content-length']]).toEqual([206, String(end - start + 1)]);
      expect(Buffer.compare(part.body as Buffer, file.subarray(start, end + 1))).toBe(0);
    }
    const suffix = await t.http.get(`/api/v1/evidence/${body.id}/content`).set(auth(auditor)).set('Range', 'bytes=-10').buffer(true).parse(binary);
    expect(suffix.status).toBe(206);
    expect(Buffer.compare(suffix.body as Buffer, file.subarray(file.length - 10))).toBe(0);

    const outside = await t.http.get(`/api/v1/evidence/${body.id}/content`).set(auth(auditor)).set('Range', `bytes=${file.length}-`);
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${file.length}`);
    expect(outside.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(outside.body.code).toBe('range-not-satisfiable');
  });

  it('supersedes: a correction is a new item, both are kept, the old one shows supersededBy', async () => {
    const first = await upload(owner, Buffer.from('version,1\n'), 'figures.csv', 'text/csv', { riskId: [] }).expect(201);
    expect(first.body.contentType).toBe('text/csv');
    const missingReason = await upload(owner, Buffer.from('version,2\n'), 'figures.csv', 'text/csv', { supersedes: first.body.id });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);
    // Without links of its own it keeps those of the item it corrects.
    const second = await t.http
      .post('/api/v1/evidence')
      .set(auth(owner))
      .field('description', 'Corrected figures')
      .field('supersedes', first.body.id)
      .field('reason', 'Row 1 was wrong')
      .attach('file', Buffer.from('version,2\n'), { filename: 'figures.csv', contentType: 'text/csv' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ supersedes: first.body.id, supersedeReason: 'Row 1 was wrong', links: [{ kind: 'ai-system', id: systemId }] });
    const old = await t.http.get(`/api/v1/evidence/${first.body.id}`).set(auth(auditor));
    expect(old.body).toMatchObject({ supersededBy: second.body.id, sha256: sha256(Buffer.from('version,1\n')) });
    const again = await upload(owner, Buffer.from('version,3\n'), 'figures.csv', 'text/csv', { supersedes: first.body.id, reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'evidence-already-superseded', supersededBy: second.body.id });
    expect((await t.http.get('/api/v1/evidence').query({ current: 'false' }).set(auth(auditor))).body.items.map((e: { id: string }) => e.id)).toEqual([
      first.body.id,
    ]);
    // The content itself cannot be changed, not even with SQL.
    await expect(t.db.query('UPDATE evidence_chunks SET data = $2 WHERE evidence_id = $1', [first.body.id, Buffer.from('forged')])).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.query(`UPDATE evidence SET sha256 = repeat('0', 64) WHERE id = $1`, [first.body.id])).rejects.toThrow(/immutable/);
  });

  it('refuses a file over the per-file limit with 413 naming the setting, storing nothing', async () => {
    const before = await stored();
    const res = await upload(owner, pdf(MAX_BYTES), 'big.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'evidence-too-large', limit: 'AIMSFLOW_EVIDENCE_MAX_BYTES', limitBytes: MAX_BYTES });
    expect(res.body.detail).toContain('AIMSFLOW_EVIDENCE_MAX_BYTES');
    expect(await stored()).toEqual(before);
  });

  it('refuses disallowed and mismatched types with 415 naming them, storing nothing', async () => {
    const before = await stored();
    const exe = await upload(owner, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(600, 0x90)]), 'tool.exe', 'application/octet-stream');
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ code: 'evidence-type-not-allowed' });
    expect(exe.body.detail).toContain('application/x-msdownload');
    const pngAsPdf = await upload(owner, PNG, 'scan.pdf', 'application/pdf');
    expect(pngAsPdf.status).toBe(415);
    expect(pngAsPdf.body).toMatchObject({
      code: 'evidence-type-mismatch',
      errors: [{ pointer: '/file', message: 'declared as application/pdf but the content is image/png' }],
    });
    const binaryAsText = await upload(owner, Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x42]), 'notes.txt', 'text/plain');
    expect(binaryAsText.status).toBe(415);
    expect(binaryAsText.body.detail).toContain('not UTF-8 text');
    const wrongExtension = await upload(owner, PNG, 'scan.pdf', 'image/png');
    expect(wrongExtension.status).toBe(415);
    expect(await stored()).toEqual(before);
    // A PNG declared as what it is, and JSON recognised by its extension when the declared type says nothing.
    expect((await upload(owner, PNG, 'scan.png', 'image/png')).body.contentType).toBe('image/png');
    expect((await upload(owner, Buffer.from('{"ok":true}'), 'result.json', 'application/octet-stream')).body.contentType).toBe('application/json');
  });

  it('sanitises the file name: no path, control or bidi characters, bounded length', async () => {
    // A control character may travel only encoded (RFC 5987), which busboy decodes: ../../etc/re<RLO>port<BEL>.txt
    const boundary = 'xNAMEx';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nHostile name\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="systemId"\r\n\r\n${systemId}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''..%2F..%2Fetc%2Fre%E2%80%AEport%07.txt\r\nContent-Type: text/plain\r\n\r\nhello\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const res = await t.http.post('/api/v1/evidence').set(auth(owner)).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('report.txt');
    const long = await upload(owner, Buffer.from('hello'), `${'a'.repeat(300)}.txt`, 'text/plain');
    expect(long.body.fileName).toHaveLength(200);
    expect(long.body.fileName.endsWith('.txt')).toBe(true);
    const unicode = await upload(owner, Buffer.from('hello'), 'Prüfbericht 2026.txt', 'text/plain');
    expect(unicode.body.fileName).toBe('Prüfbericht 2026.txt');
    const content = await t.http.get(`/api/v1/evidence/${unicode.body.id}/content`).set(auth(auditor));
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Pr_fbericht 2026.txt"; filename*=UTF-8''Pr%C3%BCfbericht%202026.txt`);
    expect(content.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('refuses a missing file part, several file parts, a truncated upload and bad links, storing nothing', async () => {
    const before = await stored();
    const noFile = await t.http.post('/api/v1/evidence').set(auth(owner)).field('description', 'x').field('systemId', systemId);
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ code: 'missing-file', errors: [{ pointer: '/file' }] });
    const two = await upload(owner, PNG, 'a.png', 'image/png').attach('file', PNG, { filename: 'b.png', contentType: 'image/png' });
    expect(two.status).toBe(400);
    expect(two.body.code).toBe('several-files');
    const boundary = 'xBOUNDARYx';
    const cut = [
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nCut short\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="systemId"\r\n\r\n${systemId}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\nsome text that never ends`,
    ].join('');
    const truncated = await t.http.post('/api/v1/evidence').set(auth(owner)).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(cut);
    expect(truncated.status).toBe(400);
    expect(truncated.body.code).toBe('truncated-upload');
    const badLinks = await upload(owner, PNG, 'a.png', 'image/png', {
      controlId: 'A.99',
      riskId: '00000000-0000-4000-8000-000000000000',
      incidentId: '00000000-0000-4000-8000-000000000001',
    });
    expect(badLinks.status).toBe(400);
    expect(badLinks.body.errors).toEqual([
      { pointer: '/controlId/0', message: expect.stringContaining('not an Annex A control') },
      { pointer: '/riskId/0', message: 'no risk with id 00000000-0000-4000-8000-000000000000' },
      { pointer: '/incidentId/0', message: 'no incident with id 00000000-0000-4000-8000-000000000001' },
    ]);
    const noLink = await t.http
      .post('/api/v1/evidence')
      .set(auth(owner))
      .field('description', 'x')
      .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' });
    expect(noLink.status).toBe(400);
    expect(noLink.body.code).toBe('invalid-upload');
    const json = await t.http.post('/api/v1/evidence').set(auth(owner)).send({ description: 'x' });
    expect(json.status).toBe(415);
    // multipart/form-data is taken by the evidence route only.
    const elsewhere = await t.http.post('/api/v1/ai-systems').set(auth(owner)).field('name', 'x');
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.detail).toContain('send application/json');
    expect(await stored()).toEqual(before);
    expect((await upload(topManagement, PNG, 'a.png', 'image/png')).status).toBe(403);
  });

  it('a task form of type evidence: completing without it is a 400 naming the field; with evidence of its system it completes', async () => {
    const p = processClient(t);
    await p.deploy(gov, NEEDS_EVIDENCE).expect(201);
    const instance = await p.start(gov, 'evidence-check', {}, { type: 'ai-system', id: systemId }).expect(201);
    const task = await p.taskOf(owner, instance.body.id, 'Prove');
    const without = await p.complete(owner, task.id, { variables: {} });
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([{ pointer: '/variables/logsProof', message: 'is required' }]);
    const unknown = await p.complete(owner, task.id, { variables: { logsProof: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ pointer: '/variables/logsProof', message: expect.stringContaining('no evidence item') });
    const other = await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({ name: 'Chatbot', intendedPurpose: 'Answer questions', roles: ['deployer'], attributes: {} })
      .expect(201);
    const elsewhere = await upload(owner, Buffer.from('elsewhere'), 'other.txt', 'text/plain', { systemId: other.body.id }).expect(201);
    const wrong = await p.complete(owner, task.id, { variables: { logsProof: [elsewhere.body.id] } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ pointer: '/variables/logsProof/0', message: expect.stringContaining("neither to this task's AI system") });
    const proof = await upload(owner, Buffer.from('log retention: 6 months'), 'retention.txt', 'text/plain', { taskId: task.id }).expect(201);
    const done = await p.complete(owner, task.id, { variables: { logsProof: proof.body.id } });
    expect(done.status).toBe(200);
    expect(done.body.instance.status).toBe('completed');
  });

  it('the Statement of Applicability counts evidence per control and shows it expired per the service clock', async () => {
    const expiring = await upload(owner, Buffer.from('policy'), 'policy.txt', 'text/plain', {
      controlId: 'A.2.2',
      systemId: [],
      validUntil: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(expiring.status).toBe(201);
    const entry = async (query: Record<string, string> = {}) =>
      (await t.http.get('/api/v1/statement-of-applicability').query(query).set(auth(auditor))).body.controls as Array<{
        controlId: string;
        evidence: number;
        evidenceExpired: boolean;
      }>;
    expect((await entry()).find((c) => c.controlId === 'A.2.2')).toMatchObject({ evidence: 1, evidenceExpired: false });
    expect((await entry()).find((c) => c.controlId === 'A.6.2.8')).toMatchObject({ evidence: 1, evidenceExpired: false });
    expect(await entry({ evidenceExpired: 'true' })).toEqual([]);
    await t.http.post('/api/v1/clock/advance').set(auth(gov)).send({ duration: 'P30D' }).expect(200);
    expect((await entry({ evidenceExpired: 'true' })).map((c) => c.controlId)).toEqual(['A.2.2']);
    expect((await t.http.get(`/api/v1/evidence/${expiring.body.id}`).set(auth(auditor))).body.expired).toBe(true);
    const csv = await t.http.get('/api/v1/statement-of-applicability').set(auth(auditor)).set('Accept', 'text/csv');
    expect(csv.text.split('\r\n').find((l) => l.startsWith('A.2.2,'))).toMatch(/,1,yes$/);
  });
});

describe('evidence uploads in flight', () => {
  let t: TestApp;
  let owner: string;
  let systemId: string;

  beforeAll(async () => {
    t = await createTestApp(OWN_PROCESSES_ONLY);
    owner = await t.tokenFor('olivia', 'ai-owner');
    systemId = (
      await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ name: 'Scorer', intendedPurpose: 'Score', roles: ['provider'], attributes: {} })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  /** Open transactions of the service (each upload in flight holds one). */
  const inFlight = async () =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'aimsflow' AND state = 'idle in transaction'`,
      )
    ).rows[0].n;
  const until = async (condition: () => Promise<boolean>) => {
    while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
  };

  it('bounds uploads in flight (503 with Retry-After), and an upload whose client goes away stores nothing', async () => {
    const { port } = (t.app.getHttpServer() as http.Server).address() as { port: number };
    const boundary = 'xSTALLEDx';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nStalled\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="systemId"\r\n\r\n${systemId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    // Four clients send a first chunk of a 900 KiB file, then nothing more.
    const stalled = Array.from({ length: 4 }, () => {
      const req = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/v1/evidence',
        headers: { ...auth(owner), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + 900 * 1024 + 100 },
      });
      req.on('error', () => undefined);
      req.write(head + 'a'.repeat(300 * 1024));
      return req;
    });
    await until(async () => (await inFlight()) === 4);
    const busy = await t.http
      .post('/api/v1/evidence')
      .set(auth(owner))
      .field('description', 'x')
      .field('systemId', systemId)
      .attach('file', Buffer.from('x'), { filename: 'x.txt', contentType: 'text/plain' });
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('evidence-uploads-busy');
    expect(busy.headers['retry-after']).toBe('1');
    // The clients go away mid-file: each transaction rolls back, chunks written so far included.
    for (const req of stalled) req.destroy();
    await until(async () => (await inFlight()) === 0);
    const { rows } = await t.db.query<{ items: number; chunks: number }>(
      'SELECT (SELECT count(*) FROM evidence)::int AS items, (SELECT count(*) FROM evidence_chunks)::int AS chunks',
    );
    expect(rows[0]).toEqual({ items: 0, chunks: 0 });
    const next = await t.http
      .post('/api/v1/evidence')
      .set(auth(owner))
      .field('description', 'x')
      .field('systemId', systemId)
      .attach('file', Buffer.from('x'), { filename: 'x.txt', contentType: 'text/plain' });
    expect(next.status).toBe(201);
  });

  it('replays an upload sent again with the same Idempotency-Key, storing it once', async () => {
    const send = () =>
      t.http
        .post('/api/v1/evidence')
        .set(auth(owner))
        .set('Idempotency-Key', 'upload-1')
        .field('description', 'Sent twice')
        .field('systemId', systemId)
        .attach('file', Buffer.from('retry me'), { filename: 'retry.txt', contentType: 'text/plain' });
    const first = await send();
    expect(first.status).toBe(201);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evidence WHERE description = 'Sent twice'`);
    expect(rows[0].n).toBe(1);
  });
});

describe('evidence quota', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, evidenceQuotaBytes: 1000 });
    owner = await t.tokenFor('olivia', 'ai-owner');
  });
  afterAll(() => t.close());

  it('refuses an upload that would pass the total quota with 413 naming the setting, storing nothing', async () => {
    const send = (bytes: number) =>
      t.http
        .post('/api/v1/evidence')
        .set(auth(owner))
        .field('description', 'Notes')
        .field('controlId', 'A.2.2')
        .attach('file', Buffer.alloc(bytes, 'a'), { filename: 'notes.txt', contentType: 'text/plain' });
    expect((await send(600)).status).toBe(201);
    const over = await send(500);
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ code: 'evidence-quota-exceeded', limit: 'AIMSFLOW_EVIDENCE_QUOTA_BYTES', limitBytes: 1000, usedBytes: 600 });
    const { rows } = await t.db.query<{ chunks: number }>('SELECT count(*)::int AS chunks FROM evidence_chunks');
    expect(rows[0].chunks).toBe(1);
    expect((await send(400)).status).toBe(201);
  });
});
