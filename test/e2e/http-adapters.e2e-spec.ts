import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { ConfigError, loadConfig, type HttpAdapterName } from '../../src/config/app-config.js';
import { startServiceProcess, type ServiceProcess } from '../helpers/service-process.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';

const ADMIN = 'adapter-test-admin-token-0123456789abcdef';
const RATE_LIMIT = 40;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="adapter-check" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:userTask id="Review" name="Review" aimsflow:candidateRoles="risk-officer"/>
    <bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const system = { name: 'Adapter check', intendedPurpose: 'HTTP conventions', roles: ['deployer'], attributes: { useCases: ['chatbot'] } };
const facts = { facts: { useCases: ['recruitment'], profilesNaturalPersons: true, art6_3Derogation: 'none', interactsWithNaturalPersons: true } };

it('AIMSFLOW_HTTP_ADAPTER is express (default) or fastify', () => {
  expect(loadConfig({}).httpAdapter).toBe('express');
  expect(loadConfig({ AIMSFLOW_HTTP_ADAPTER: 'fastify' }).httpAdapter).toBe('fastify');
  expect(() => loadConfig({ AIMSFLOW_HTTP_ADAPTER: 'koa' })).toThrow(ConfigError);
  expect(() => loadConfig({ AIMSFLOW_HTTP_ADAPTER: 'koa' })).toThrow(/AIMSFLOW_HTTP_ADAPTER must be one of express, fastify/);
});

// The built service as a process on each adapter: the same requests must get the same answers
// (Fastify is not loaded in-process: @fastify/static, which Swagger UI needs on it, requires an
// ES module, which Jest's module system cannot).
describe.each<HttpAdapterName>(['express', 'fastify'])('HTTP conventions on %s', (adapter) => {
  let service: ServiceProcess;
  let database: { url: string; name: string };
  let http: ReturnType<typeof request>;
  const admin = { Authorization: `Bearer ${ADMIN}` };

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startServiceProcess(
      {
        AIMSFLOW_HTTP_ADAPTER: adapter,
        DATABASE_URL: database.url,
        AIMSFLOW_ADMIN_TOKEN: ADMIN,
        AIMSFLOW_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        AIMSFLOW_PROCESSES_DIR: mkdtempSync(path.join(os.tmpdir(), 'aimsflow-adapter-processes-')),
      },
      0,
    );
    http = request(service.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    if (database) await dropTestDatabase(database.name);
  });

  const expectProblem = (res: request.Response, status: number, code?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, ...(code ? { code } : {}) });
  };

  it('sends security headers, RateLimit headers and the request id, and keeps a given one', async () => {
    const res = await http.get('/api/v1/ai-systems').set(admin).set('X-Request-Id', `req-${adapter}-1`).expect(200);
    expect(res.headers['x-request-id']).toBe(`req-${adapter}-1`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: validator.swagger.io");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['ratelimit-policy']).toMatch(new RegExp(`q=${RATE_LIMIT}; w=60`));
    expect(res.headers['ratelimit']).toMatch(/r=\d+; t=\d+/);
    const made = await http.get('/api/v1/ai-systems').set(admin).expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the console at / under its own CSP, and an unknown path to an API client stays a problem', async () => {
    const page = await http.get('/systems').set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/style-src 'self' 'nonce-[^']+'/);
    expect(page.text).toContain('<div id="root">');
    expectProblem(await http.get('/systems').set('Accept', 'application/json'), 404);
  });

  it('opens a session cookie from an API token, refuses a cookie write without the CSRF token, and clears the cookie at logout', async () => {
    const signedIn = await http.post('/api/v1/auth/token-session').send({ token: ADMIN }).expect(200);
    const [cookie] = (signedIn.headers['set-cookie'] as unknown as string[])[0].split('; ');
    expect(signedIn.headers['set-cookie'][0]).toMatch(/^aimsflow_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    await http.get('/api/v1/ai-systems').set('Cookie', cookie).expect(200);
    expectProblem(await http.post('/api/v1/ai-systems').set('Cookie', cookie).send({}), 403, 'csrf-mismatch');
    const out = await http.post('/api/v1/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', signedIn.body.csrfToken).expect(200);
    expect(out.headers['set-cookie'][0]).toMatch(/^aimsflow_session=; .*Max-Age=0/);
    expectProblem(await http.get('/api/v1/ai-systems').set('Cookie', cookie), 401, 'invalid-session');
  });

  it('answers errors as problems naming the request: 401, 404, malformed JSON, 415, 413', async () => {
    const anonymous = await http.get('/api/v1/ai-systems').set('X-Request-Id', `req-${adapter}-2`);
    expectProblem(anonymous, 401, 'missing-token');
    expect(anonymous.body).toMatchObject({ instance: '/api/v1/ai-systems', requestId: `req-${adapter}-2` });
    expectProblem(await http.get('/api/v1/nothing-here').set(admin), 404);
    expectProblem(await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'application/json').send('{"name": '), 400, 'bad-request');
    expectProblem(await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'application/json').send('"a string"'), 400, 'bad-request');
    const plain = await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'text/plain').send('name=x');
    expectProblem(plain, 415, 'unsupported-media-type');
    expect(plain.body.errors).toEqual([{ pointer: '', message: 'Content-Type must be application/json' }]);
    const big = await http
      .post('/api/v1/ai-systems')
      .set(admin)
      .send({ ...system, description: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(big, 413, 'payload-too-large');
    expect(big.body.detail).toBe('The request body is larger than the limit of 1mb');
  });

  it('takes application/*+json, and an empty JSON body as {}', async () => {
    await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify(system)).expect(201);
    const empty = await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'application/json').send('');
    expectProblem(empty, 400, 'validation-failed');
    expect(empty.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/name' })]));
  });

  it('gives a versioned resource its ETag', async () => {
    const created = await http.post('/api/v1/ai-systems').set(admin).send(system).expect(201);
    expect(created.headers['etag']).toBe('"1"');
    const read = await http.get(`/api/v1/ai-systems/${created.body.id}`).set(admin).expect(200);
    expect(read.headers['etag']).toBe('"1"');
  });

  it('replays an idempotent POST with its first status and Idempotent-Replayed', async () => {
    const first = await http.post('/api/v1/decisions/eu-ai-act-risk-class').set(admin).set('Idempotency-Key', 'adapter-1').send(facts).expect(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await http.post('/api/v1/decisions/eu-ai-act-risk-class').set(admin).set('Idempotency-Key', 'adapter-1').send(facts).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('deploys BPMN XML (201, then 200 for the same content), and refuses XML elsewhere', async () => {
    const deployed = await http.post('/api/v1/process-definitions').set(admin).set('Content-Type', 'application/xml').send(BPMN).expect(201);
    expect(deployed.body).toMatchObject({ key: 'adapter-check', version: 1, created: true });
    const again = await http.post('/api/v1/process-definitions').set(admin).set('Content-Type', 'text/xml').send(BPMN).expect(200);
    expect(again.body).toMatchObject({ version: 1, created: false });
    expectProblem(await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'application/xml').send(BPMN), 415, 'unsupported-media-type');
  });

  it('simulates on facts at once (200), and against every system in the background (202 with Location)', async () => {
    const simulate = '/api/v1/rule-sets/eu-ai-act-risk-class/versions/1/simulate';
    expect((await http.post(simulate).set(admin).send(facts).expect(200)).body.mode).toBe('facts');
    const queued = await http.post(simulate).set(admin).send({}).expect(202);
    expect(queued.headers['location']).toBe(`/api/v1/rule-simulations/${queued.body.id}`);
    expect(queued.body.status).toBe('pending');
    expect((await http.get(queued.headers['location']).set(admin).expect(200)).body.id).toBe(queued.body.id);
  });

  it('serves CSV for Accept: text/csv, and the API docs', async () => {
    const csv = await http.get('/api/v1/statement-of-applicability').set(admin).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['vary']).toMatch(/Accept/);
    expect(csv.text.split('\r\n')[0]).toMatch(/^controlId,title,/);
    const json = await http.get('/api/v1/statement-of-applicability').set(admin).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect((await http.get('/docs-json').expect(200)).body.paths).toHaveProperty(['/api/v1/ai-systems']);
    expect((await http.get('/docs').expect(200)).text).toContain('swagger-ui');
    await http.get('/health').expect(200);
  });

  it('streams an evidence upload (multipart) and answers a byte range of it with 206', async () => {
    const created = await http
      .post('/api/v1/tokens')
      .set(admin)
      .send({ subject: `evidence-${adapter}`, roles: ['ai-owner'] })
      .expect(201);
    const owner = { Authorization: `Bearer ${created.body.token}` };
    const systemOf = await http.post('/api/v1/ai-systems').set(owner).send(system).expect(201);
    const content = Buffer.from('a,b\n'.repeat(100_000));
    const uploaded = await http
      .post('/api/v1/evidence')
      .set(owner)
      .field('description', 'Adapter check')
      .field('systemId', systemOf.body.id)
      .attach('file', content, { filename: 'figures.csv', contentType: 'text/csv' })
      .expect(201);
    expect(uploaded.body).toMatchObject({ contentType: 'text/csv', sizeBytes: content.length });
    const range = await http.get(`/api/v1/evidence/${uploaded.body.id}/content`).set(owner).set('Range', 'bytes=262142-262149').expect(206);
    expect(range.headers['content-range']).toBe(`bytes 262142-262149/${content.length}`);
    expect(range.headers['content-disposition']).toMatch(/^attachment; filename="figures.csv"/);
    expect(range.headers['x-request-id']).toBeDefined();
    expect(range.text).toBe(content.subarray(262142, 262150).toString());
    expectProblem(await http.post('/api/v1/evidence').set(owner).field('description', 'x').field('systemId', systemOf.body.id), 400, 'missing-file');
  });

  it('streams a generated document, and queues an audit pack (202 with Location)', async () => {
    const pdf = await http.get('/api/v1/documents/statement-of-applicability').set(admin).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="statement-of-applicability-/);
    expect(pdf.headers['x-request-id']).toBeDefined();
    const refused = await http.get('/api/v1/documents/statement-of-applicability').query({ format: 'docx' }).set(admin);
    expectProblem(refused, 406, 'document-format-not-supported');
    const pack = await http.post('/api/v1/audit-packs').set(admin).send({ from: '2020-01-01', to: '2100-01-01' }).expect(202);
    expect(pack.headers.location).toBe(`/api/v1/audit-packs/${pack.body.id}`);
    expect((await http.get(pack.headers.location).set(admin).expect(200)).body).toMatchObject({ id: pack.body.id, progress: expect.any(Object) });
  });

  it('answers 429 per principal however the header is spelt, as a problem with Retry-After, request id and security headers', async () => {
    const created = await http
      .post('/api/v1/tokens')
      .set(admin)
      .send({ subject: `limited-${adapter}`, roles: ['auditor'] })
      .expect(201);
    const spellings = ['Bearer', 'bearer', 'BEARER', 'Bearer  '].map((scheme) => `${scheme} ${created.body.token}`);
    const statuses = new Set<number>();
    for (let i = 0; i < RATE_LIMIT; i++) statuses.add((await http.get('/api/v1/ai-systems').set('Authorization', spellings[i % spellings.length])).status);
    expect([...statuses]).toEqual([200]);
    const limited = await http.get('/api/v1/ai-systems').set('Authorization', `${spellings[1]} `);
    expectProblem(limited, 429, 'rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.requestId).toBe(limited.headers['x-request-id']);
    expect(limited.headers['x-content-type-options']).toBe('nosniff');
    expect(limited.headers['content-security-policy']).toBeDefined();
    expect(limited.headers['x-powered-by']).toBeUndefined();
  });

  it('challenges with WWW-Authenticate on 401, and answers every path outside the API with problem+json', async () => {
    const none = await http.get('/api/v1/controls');
    expectProblem(none, 401, 'missing-token');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="aimsflow"');
    const unknown = await http.get('/api/v1/controls').set('Authorization', 'Bearer afw_not-a-token');
    expectProblem(unknown, 401, 'invalid-token');
    expect(unknown.headers['www-authenticate']).toMatch(/^Bearer realm="aimsflow", error="invalid_token", error_description="The token is unknown/);
    for (const outside of ['/nothing', '/api', '/docs/nothing', '/%']) {
      const res = await http.get(outside);
      expect({ outside, status: res.status, type: res.headers['content-type'] }).toEqual({
        outside,
        status: expect.any(Number),
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    }
    const malformed = await http.post('/api/v1/ai-systems').set(admin).set('Content-Type', 'application/json').send('{"name":');
    expectProblem(malformed, 400, 'bad-request');
    expect(malformed.body.requestId).toBe(malformed.headers['x-request-id']);
  });
});
