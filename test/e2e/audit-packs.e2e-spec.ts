import { createHash, randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { AuditTrailService } from '../../src/audit-trail/audit-trail.service.js';
import { WorkerHost } from '../../src/workers/worker-host.js';
import { binary } from '../helpers/documents.js';
import { type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person } from '../helpers/lifecycle.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Audit packs: requested over the API (202 + Location), built by the background worker into a ZIP
 * stored in PostgreSQL, downloaded when done. The test unzips the pack and hashes every file.
 */
describe('audit packs', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person;
  let audrey: Person;
  let ed: Person;
  let systemId: string;
  const uploaded: Json[] = [];

  const upload = (body: Buffer, name: string, type: string, fields: Record<string, string>) => {
    let req = t.http.post('/api/v1/evidence').set('Authorization', `Bearer ${olivia.token}`);
    for (const [field, value] of Object.entries(fields)) req = req.field(field, value);
    return req.attach('file', body, { filename: name, contentType: type }).expect(201);
  };

  beforeAll(async () => {
    t = await createTestApp({ auditPackPollIntervalMs: 0 });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    audrey = await lc.person('audrey', 'auditor');
    ed = await lc.person('ed', 'external-auditor');
    systemId = (await lc.register(olivia, minimalSystem('Spam filter'))).system.id;
    uploaded.push(
      (await upload(Buffer.from('retention: 90d\n'), 'logging.txt', 'text/plain', { description: 'Logging config', systemId, controlId: 'A.6.2.8' })).body,
    );
    uploaded.push((await upload(Buffer.from('{"accuracy":0.97}'), 'metrics.json', 'application/json', { description: 'Metrics', systemId })).body);
    uploaded.push(
      (
        await upload(Buffer.from('{"accuracy":0.98}'), 'metrics-v2.json', 'application/json', {
          description: 'Metrics, corrected',
          supersedes: uploaded[1].id,
          reason: 'typo',
        })
      ).body,
    );
    await t.app.get(AuditTrailService).sealPending();
  });
  afterAll(() => t.close());

  it('builds a ZIP of documents, evidence, its index, decisions and the audit trail; the index matches the files', async () => {
    const res = await lc.post(audrey, '/audit-packs', { from: '2020-01-01', to: '2100-01-01', systemIds: [systemId] }).expect(202);
    expect(res.headers.location).toBe(`/api/v1/audit-packs/${res.body.id}`);
    expect(res.body).toMatchObject({ status: expect.stringMatching(/^(pending|building|done)$/), requestedBy: 'audrey', systemIds: [systemId] });
    await t.app.get(WorkerHost).run('audit-packs');

    const pack = (await lc.get(ed, `/audit-packs/${res.body.id}`).expect(200)).body;
    expect(pack).toMatchObject({ status: 'done', error: null, progress: { filesDone: expect.any(Number), filesTotal: pack.progress.filesDone } });
    expect(pack.sizeBytes).toBe(pack.progress.bytes);
    const list = (await lc.get(ed, '/audit-packs', { status: 'done' }).expect(200)).body;
    expect(list.items.map((p: Json) => p.id)).toContain(pack.id);

    const download = await binary(t.http.get(`/api/v1/audit-packs/${pack.id}/content`).set('Authorization', `Bearer ${ed.token}`)).expect(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(sha256(download.body)).toBe(pack.sha256);
    const zip = await JSZip.loadAsync(download.body);
    const read = async (path: string) => Buffer.from(await zip.file(path)!.async('uint8array'));

    const manifest = JSON.parse((await read('manifest.json')).toString());
    expect(manifest.files).toHaveLength(pack.progress.filesTotal - 1);
    for (const file of manifest.files) expect({ path: file.path, sha256: sha256(await read(file.path)) }).toEqual({ path: file.path, sha256: file.sha256 });
    const paths = manifest.files.map((f: Json) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'documents/statement-of-applicability.pdf',
        'documents/statement-of-applicability.xlsx',
        'documents/risk-register.xlsx',
        'documents/nonconformities.pdf',
        'documents/management-review-input.pdf',
        'evidence-index.csv',
        'evidence-index.json',
        'decisions.json',
        'audit-trail/events.json',
        'audit-trail/verification.json',
      ]),
    );

    // The evidence index: every item of the period (the superseded one too), each file's hash as recorded at upload.
    const index = JSON.parse((await read('evidence-index.json')).toString()) as Json[];
    expect(index.map((e) => e.id).sort()).toEqual(uploaded.map((u) => u.id).sort());
    for (const entry of index) {
      expect(sha256(await read(entry.path))).toBe(entry.sha256);
      expect(entry.sha256).toBe(uploaded.find((u) => u.id === entry.id)!.sha256);
      expect(entry).toMatchObject({ uploadedBy: 'olivia', links: expect.any(Array) });
    }
    expect(index.find((e) => e.id === uploaded[1].id)!.supersededBy).toBe(uploaded[2].id);
    const csv = (await read('evidence-index.csv')).toString().trim().split('\r\n');
    expect(csv[0]).toBe('id,path,fileName,sha256,sizeBytes,description,links,uploadedBy,uploadedAt,validUntil,supersededBy');
    expect(csv).toHaveLength(4);

    const decisions = JSON.parse((await read('decisions.json')).toString()) as Json[];
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.subjectId === systemId && d.explanation !== undefined)).toBe(true);
    const verification = JSON.parse((await read('audit-trail/verification.json')).toString());
    expect(verification.verification.valid).toBe(true);
    const events = JSON.parse((await read('audit-trail/events.json')).toString()) as Json[];
    expect(events.some((e) => e.action === 'evidence.uploaded')).toBe(true);
  });

  it('answers 409 while a pack is building, refuses bad scopes and other roles', async () => {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO audit_packs (id, status, period_from, period_to, requested_by, created_at, attempts, lease_until)
       VALUES ($1, 'building', now(), now(), 'audrey', now(), 1, now() + interval '1 hour')`,
      [id],
    );
    const busy = await lc.get(audrey, `/audit-packs/${id}/content`).expect(409);
    expect(busy.body).toMatchObject({ code: 'audit-pack-not-ready', status: 409, packStatus: 'building', progress: { filesDone: 0 } });

    const backwards = await lc.post(audrey, '/audit-packs', { from: '2027-01-01', to: '2026-01-01' }).expect(400);
    expect(backwards.body.errors[0].pointer).toBe('/to');
    const unknown = await lc.post(audrey, '/audit-packs', { from: '2026-01-01', to: '2027-01-01', systemIds: [randomUUID()] }).expect(400);
    expect(unknown.body.errors[0].pointer).toBe('/systemIds/0');
    await lc.post(olivia, '/audit-packs', { from: '2026-01-01', to: '2027-01-01' }).expect(403);
    await lc.get(audrey, `/audit-packs/${randomUUID()}`).expect(404);
  });
});

/** Retention, on a manual clock moved past a pack's expiry. */
describe('audit pack retention', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let audrey: Person;
  let gina: Person;

  beforeAll(async () => {
    t = await createTestApp({ auditPackPollIntervalMs: 0, clock: 'manual', auditPackRetentionDays: 30 });
    lc = lifecycleClient(t);
    audrey = await lc.person('audrey', 'auditor');
    gina = await lc.person('gina', 'governance');
  });
  afterAll(() => t.close());

  it('keeps a finished pack for the retention, then deletes its ZIP: status expired, the download 410', async () => {
    const requested = await lc.post(audrey, '/audit-packs', { from: '2020-01-01', to: '2100-01-01' }).expect(202);
    const packs = t.app.get(WorkerHost);
    await packs.run('audit-packs');
    const done = (await lc.get(audrey, `/audit-packs/${requested.body.id}`).expect(200)).body;
    expect(done.status).toBe('done');
    expect(new Date(done.expiresAt).getTime() - new Date(done.finishedAt).getTime()).toBe(30 * 86_400_000);
    const chunks = async () => (await t.db.query('SELECT count(*)::int AS n FROM audit_pack_chunks WHERE pack_id = $1', [done.id])).rows[0].n;
    expect(await chunks()).toBeGreaterThan(0);

    await lc.advance(gina, 'P29D');
    await packs.run('audit-packs');
    expect((await lc.get(audrey, `/audit-packs/${done.id}`).expect(200)).body).toMatchObject({ status: 'done', expiresAt: done.expiresAt });
    await binary(t.http.get(`/api/v1/audit-packs/${done.id}/content`).set('Authorization', `Bearer ${audrey.token}`)).expect(200);

    await lc.advance(gina, 'P1DT1H');
    await packs.run('audit-packs');
    const expired = (await lc.get(audrey, `/audit-packs/${done.id}`).expect(200)).body;
    expect(expired).toMatchObject({ status: 'expired', sha256: done.sha256, sizeBytes: done.sizeBytes });
    expect(new Date(expired.expiresAt).getTime()).toBeGreaterThanOrEqual(new Date(done.expiresAt).getTime());
    expect(await chunks()).toBe(0);
    const gone = await lc.get(audrey, `/audit-packs/${done.id}/content`).expect(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.body).toMatchObject({ status: 410, code: 'audit-pack-expired', packStatus: 'expired', expiredAt: expired.expiresAt });
    expect((await lc.get(audrey, '/audit-packs', { status: 'expired' }).expect(200)).body.items.map((p: Json) => p.id)).toContain(done.id);
    const trail = await t.db.query(`SELECT actor FROM audit_events WHERE action = 'audit-pack.expired' AND subject_id = $1`, [done.id]);
    expect(trail.rows).toHaveLength(1);
  });
});
