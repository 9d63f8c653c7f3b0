import { createTestApp, ADMIN_TOKEN, type TestApp } from '../helpers/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('controls catalogue and Statement of Applicability', () => {
  let t: TestApp;
  let owner: string;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.tokenFor('olivia', 'ai-owner');
    auditor = await t.tokenFor('audrey', 'auditor');
  });
  afterAll(() => t.close());

  it('serves the clauses and all 38 Annex A controls with their EU AI Act mapping', async () => {
    const res = await t.http.get('/api/v1/controls').set(auth(auditor));
    expect(res.status).toBe(200);
    expect(res.body.controls).toHaveLength(38);
    expect(res.body.clauses.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['4.1', '6.1.4', '10.2']));
    expect(res.body.controls.find((c: { id: string }) => c.id === 'A.6.2.8')).toMatchObject({
      title: 'AI system recording of event logs',
      euAiAct: { articles: expect.arrayContaining(['Art. 12']) },
    });
    const group = await t.http.get('/api/v1/controls').query({ group: 'A.5' }).set(auth(auditor));
    expect(group.body.controls.every((c: { id: string }) => c.id.startsWith('A.5.'))).toBe(true);
    expect((await t.http.get('/api/v1/controls/A.99').set(auth(auditor))).status).toBe(404);
  });

  it('derives the SoA from the active rules: organisation-wide controls with no system, then per system', async () => {
    const empty = await t.http.get('/api/v1/statement-of-applicability').set(auth(auditor));
    expect(empty.status).toBe(200);
    expect(empty.body.controls).toHaveLength(38);
    expect(empty.body.ruleSets).toEqual({ 'eu-ai-act-risk-class': 1, 'required-controls': 1 });
    const policy = empty.body.controls.find((c: { controlId: string }) => c.controlId === 'A.2.2');
    expect(policy).toMatchObject({ applicable: true, organisationWide: true, implementationStatus: 'not-started' });
    const logs = empty.body.controls.find((c: { controlId: string }) => c.controlId === 'A.6.2.8');
    expect(logs).toMatchObject({ applicable: false, systems: [] });
    expect(logs.justification).toMatch(/^Excluded/);

    const system = await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({
        name: 'Credit scorer',
        intendedPurpose: 'Score loan applicants',
        roles: ['provider'],
        attributes: { useCases: ['credit-scoring'], profilesNaturalPersons: true, processesPersonalData: true },
      });
    expect(system.body.riskClass).toBe('high');

    const forSystem = await t.http.get(`/api/v1/ai-systems/${system.body.id}/controls`).set(auth(auditor));
    expect(forSystem.status).toBe(200);
    expect(forSystem.body.decisionId).toBe(system.body.controlsDecisionId);
    const logControl = forSystem.body.controls.find((c: { id: string }) => c.id === 'A.6.2.8');
    expect(logControl).toMatchObject({
      title: 'AI system recording of event logs',
      justification: expect.any(String),
      sources: [expect.objectContaining({ rule: expect.any(String) })],
    });

    const soa = await t.http.get('/api/v1/statement-of-applicability').set(auth(auditor));
    const logsNow = soa.body.controls.find((c: { controlId: string }) => c.controlId === 'A.6.2.8');
    expect(logsNow).toMatchObject({ applicable: true, systems: [{ id: system.body.id, name: 'Credit scorer' }] });
    expect(logsNow.justification.length).toBeGreaterThan(10);
    expect(soa.body.applicable).toBeGreaterThan(empty.body.applicable);
  });

  it('records implementation status (audited) and shows it in JSON and CSV', async () => {
    expect((await t.http.put('/api/v1/statement-of-applicability/A.6.2.8/implementation').set(auth(owner)).send({ status: 'implemented' })).status).toBe(403);
    const bad = await t.http.put('/api/v1/statement-of-applicability/A.6.2.8/implementation').set(auth(ADMIN_TOKEN)).send({ status: 'done' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/status');
    const set = await t.http
      .put('/api/v1/statement-of-applicability/A.6.2.8/implementation')
      .set(auth(ADMIN_TOKEN))
      .send({ status: 'implemented', note: 'Logging on, OPS-112' });
    expect(set.status).toBe(200);

    const soa = await t.http.get('/api/v1/statement-of-applicability').set(auth(auditor));
    expect(soa.body.controls.find((c: { controlId: string }) => c.controlId === 'A.6.2.8')).toMatchObject({
      implementationStatus: 'implemented',
      implementationNote: 'Logging on, OPS-112',
    });

    const csv = await t.http.get('/api/v1/statement-of-applicability').set(auth(auditor)).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'controlId,title,objective,applicable,justification,systems,rules,implementationStatus,implementationNote,euAiAct,evidence,evidenceExpired',
    );
    expect(lines).toHaveLength(39);
    expect(lines.find((l) => l.startsWith('A.6.2.8,'))).toMatch(/,yes,.*Credit scorer.*,implemented,"?Logging on, OPS-112"?,/);

    const audit = await t.http.get('/api/v1/audit-events').query({ subjectType: 'control', subjectId: 'A.6.2.8' }).set(auth(ADMIN_TOKEN));
    expect(audit.body.items[0]).toMatchObject({ action: 'control.implementation-updated', after: { status: 'implemented' } });
  });
});
