import { AuditTrailService } from '../../src/audit-trail/audit-trail.service.js';
import { binary, docxParagraphs, pdfText, xlsxSheets } from '../helpers/documents.js';
import { driveAssessment, type Json, lifecycleClient, type LifecycleClient, type Person } from '../helpers/lifecycle.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Documents for auditors (`GET /documents/{kind}?format=…`): each is opened the way a reader would —
 * PDF text extracted, XLSX cells read, DOCX paragraphs read — and checked against the registers.
 */
describe('documents', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person;
  let carla: Person;
  let cody: Person;
  let rita: Person;
  let dora: Person;
  let dan: Person;
  let audrey: Person;
  let gina: Person;
  let systemId: string;
  let assessmentId: string;
  let auditId: string;
  let evidenceSha: string;

  const fetchDoc = (who: Person, kind: string, query: Record<string, string> = {}) =>
    binary(t.http.get(`/api/v1/documents/${kind}`).query(query).set('Authorization', `Bearer ${who.token}`));

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    carla = await lc.person('carla', 'compliance-officer');
    cody = await lc.person('cody', 'compliance-officer');
    rita = await lc.person('rita', 'risk-officer');
    dora = await lc.person('dora', 'dpo');
    dan = await lc.person('dan', 'dpo');
    audrey = await lc.person('audrey', 'auditor');
    gina = await lc.person('gina', 'governance');

    const { system, onboardingId } = await lc.register(olivia, {
      name: 'Consumer credit scorer',
      intendedPurpose: 'Score the creditworthiness of consumers',
      roles: ['deployer'],
      attributes: { useCases: ['credit-scoring'], profilesNaturalPersons: true, processesPersonalData: true, art6_3Derogation: 'none' },
    });
    systemId = system.id;
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true });
    const ia = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    await driveAssessment(lc, ia, { drafter: olivia, reviewer: carla, approvers: [cody, rita, dan], dpo: dora });
    assessmentId = (await lc.instance(gina, ia)).variables.assessmentId;
    await lc.complete(rita, onboardingId, 'Task_riskAssessment', {
      risks: [
        { title: 'Applicants with career gaps ranked lower', description: 'The model penalises gaps', likelihood: 4, severity: 4 },
        { title: 'Stale training data', description: 'Income patterns drift', likelihood: 3, severity: 2 },
      ],
    });

    const upload = await t.http
      .post('/api/v1/evidence')
      .set('Authorization', `Bearer ${olivia.token}`)
      .field('description', 'Logging configuration')
      .field('controlId', 'A.6.2.8')
      .field('systemId', systemId)
      .attach('file', PNG, { filename: 'logging-config.png', contentType: 'image/png' })
      .expect(201);
    evidenceSha = upload.body.sha256;

    await lc
      .post(carla, '/nonconformities', { title: 'Model card outdated', description: 'v2 not documented', source: 'monitoring', severity: 'minor', systemId })
      .expect(201);
    const audit = (await lc.post(audrey, '/audits', { type: 'internal', title: 'Internal audit Q1: AI risk management' }).expect(201)).body as Json;
    auditId = audit.id;
    await lc.complete(audrey, audit.instanceId, 'Task_plan', {
      scope: 'Clauses 6.1, 8.2-8.4',
      auditedArea: 'AI risk management',
      areaOwner: 'olivia',
      plannedDate: '2027-02-10',
    });
    await lc.complete(audrey, audit.instanceId, 'Task_fieldwork', {
      findings: [{ title: 'Risk acceptance criteria not approved', severity: 'major', clauseRefs: ['6.1.2'] }],
      fieldworkNotes: '12 interviews',
    });
    await t.app.get(AuditTrailService).sealPending();
  });
  afterAll(() => t.close());

  it('renders the Statement of Applicability as PDF with justification, status, evidence index and the verification footer', async () => {
    const res = await fetchDoc(audrey, 'statement-of-applicability', { format: 'pdf' }).expect(200);
    expect(res.headers['content-type']).toBe(PDF);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="statement-of-applicability-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const text = await pdfText(res.body);
    const head = (await t.app.get(AuditTrailService).head())!;
    expect(text).toContain('Statement of Applicability');
    expect(text).toContain('A.6.2.8');
    expect(text).toContain('logging-config.png');
    expect(text).toContain(evidenceSha.slice(0, 16));
    expect(text).toMatch(/required-controls v1/);
    expect(text).toContain(res.headers['x-content-sha256']);
    expect(text).toContain(`audit chain head #${head.seq} ${head.hash}`);
  });

  it('serves the SoA as XLSX: one row per control, cells readable', async () => {
    const res = await fetchDoc(audrey, 'statement-of-applicability', { format: 'xlsx' }).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const sheets = await xlsxSheets(res.body);
    const controls = sheets.get('Controls')!;
    expect(controls[0]).toEqual(['Control', 'Title', 'Applicable', 'Justification', 'Systems', 'Implementation', 'EU AI Act', 'Evidence']);
    expect(controls).toHaveLength(39);
    const logs = controls.find((row) => row[0] === 'A.6.2.8')!;
    expect(logs[2]).toBe('yes');
    expect(logs[4]).toContain('Consumer credit scorer');
    expect(logs[7]).toContain('logging-config.png');
    const about = sheets.get('Document')!.flat().join('\n');
    expect(about).toContain(res.headers['x-content-sha256']);
  });

  it('renders the impact assessment as DOCX and PDF after ISO/IEC 42005, with FRIA, approvers and versions', async () => {
    const res = await fetchDoc(carla, 'impact-assessment', { format: 'docx', systemId }).expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    const paragraphs = await docxParagraphs(res.body);
    for (const heading of [
      '1. System description and scope',
      '2. Impacts by dimension',
      '3. Mitigations',
      '4. Fundamental rights impact assessment (EU AI Act Art. 27)',
      '5. Reviewers and approvers',
      '6. Version history',
    ])
      expect(paragraphs).toContain(heading);
    expect(paragraphs).toContain('Consumer credit scorer (' + systemId + ')');
    expect(paragraphs).toContain('credit decisions');
    expect(paragraphs).toEqual(expect.arrayContaining(['cody', 'rita', 'dan']));
    expect(paragraphs.some((p) => p.startsWith('Data SHA-256 ' + res.headers['x-content-sha256']))).toBe(true);

    const pdf = await fetchDoc(carla, 'impact-assessment', { impactAssessmentId: assessmentId }).expect(200);
    expect(pdf.headers['content-type']).toBe(PDF);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Groups and communities');
    expect(text).toContain('analyst review');
  });

  it('renders the risk register (XLSX default), nonconformities, the audit report per stage and the management review input', async () => {
    const risks = await fetchDoc(rita, 'risk-register').expect(200);
    expect(risks.headers['content-type']).toBe(XLSX);
    const sheets = await xlsxSheets(risks.body);
    expect(sheets.get('Risks')![0]).toEqual(['Risk', 'AI system', 'L × S', 'Rating', 'Status', 'Owner', 'Residual', 'Evidence']);
    expect(sheets.get('Risks')!.find((row) => row[0] === 'Applicants with career gaps ranked lower')).toEqual([
      'Applicants with career gaps ranked lower',
      'Consumer credit scorer',
      '4 × 4',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      '—',
      '0',
    ]);
    expect(sheets.get('Treatment plan')![0][0]).toBe('Risk');
    const riskPdf = await fetchDoc(rita, 'risk-register', { format: 'pdf' }).expect(200);
    expect(await pdfText(riskPdf.body)).toContain('Treatment plan');

    const ncs = await pdfText((await fetchDoc(audrey, 'nonconformities').expect(200)).body);
    expect(ncs).toContain('Model card outdated');
    expect(ncs).toContain('Risk acceptance criteria not approved');

    const report = await pdfText((await fetchDoc(audrey, 'audit-report', { auditId }).expect(200)).body);
    expect(report).toContain('Internal audit Q1: AI risk management');
    expect(report).toContain('Stage: fieldwork');
    expect(report).toContain('Risk acceptance criteria not approved');

    const review = await pdfText((await fetchDoc(gina, 'management-review').expect(200)).body);
    expect(review).toContain('d) Information on the performance of the AIMS');
    expect(review).toMatch(/Nonconformities by severity\s*major: 1, minor: 1/);
  });

  it('refuses an unsupported format (406 naming the supported ones), an unknown kind and missing parameters', async () => {
    const docx = await t.http.get('/api/v1/documents/statement-of-applicability').query({ format: 'docx' }).set('Authorization', `Bearer ${audrey.token}`);
    expect(docx.status).toBe(406);
    expect(docx.headers['content-type']).toContain('application/problem+json');
    expect(docx.body).toMatchObject({
      code: 'document-format-not-supported',
      errors: [{ pointer: '/format', message: 'must be one of pdf, xlsx' }],
      supported: [
        { format: 'pdf', mediaType: PDF },
        { format: 'xlsx', mediaType: XLSX },
      ],
    });
    const unknown = await t.http.get('/api/v1/documents/balance-sheet').set('Authorization', `Bearer ${audrey.token}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].pointer).toBe('/kind');
    const missing = await t.http.get('/api/v1/documents/audit-report').set('Authorization', `Bearer ${audrey.token}`);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].pointer).toBe('/auditId');
    const none = await t.http
      .get('/api/v1/documents/impact-assessment')
      .query({ systemId: '00000000-0000-4000-8000-000000000000' })
      .set('Authorization', `Bearer ${audrey.token}`);
    expect(none.status).toBe(404);
  });
});
