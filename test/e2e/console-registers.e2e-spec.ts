import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { BROWSER_TEST_MS, checked, launchChromium, navigateTo, openConsole, signIn } from '../helpers/browser.js';
import { dimension, driveAssessment, type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person } from '../helpers/lifecycle.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const FRIA = {
  processes: 'Consumer loan decisions in the retail branch network',
  periodAndFrequency: 'Every application, continuously from January 2027',
  affectedCategories: 'Applicants and co-signers',
  risksOfHarm: 'Exclusion of applicants with thin credit files.\nIndirect discrimination by postcode.',
  humanOversight: 'An analyst reviews every refusal',
  measuresIfRisksMaterialise: 'Suspend automated refusals; complaints go to the ombudsman',
};

/**
 * The registers in the console (impact assessments, risks, nonconformities, audits, incidents,
 * policies, objectives, obligations) in a real browser against the real service, with the data
 * made through the API by the people whose roles the processes ask for. Every page is scanned
 * with axe-core and nothing may be refused by the CSP or throw.
 */
describe('governance console: registers', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let browser: Browser;
  let base: string;
  let olivia: Person; // AI owner
  let carla: Person; // compliance officer
  let dora: Person; // DPO
  let rita: Person; // risk officer
  let gina: Person; // governance
  let tess: Person; // top management
  let audrey: Person; // internal auditor
  let ed: Person; // external auditors: Stage 1, Stage 2, decision
  let rex: Person;
  let eve: Person;
  let creditScorer: string;
  let assessmentId: string;
  let riskId: string;
  let riskRating: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    carla = await lc.person('carla', 'compliance-officer');
    dora = await lc.person('dora', 'dpo');
    rita = await lc.person('rita', 'risk-officer');
    gina = await lc.person('gina', 'governance');
    tess = await lc.person('tess', 'top-management');
    audrey = await lc.person('audrey', 'auditor');
    ed = await lc.person('ed', 'external-auditor');
    rex = await lc.person('rex', 'external-auditor');
    eve = await lc.person('eve', 'external-auditor');
    const admin = await lc.person('root', 'admin');
    await lc.post(admin, '/people', { identity: 'olivia', displayName: 'Olivia Owner', assignedRoles: ['ai-owner'] }).expect(201);

    // Credit scoring: EU AI Act Art. 27 applies, the DPO writes the FRIA.
    const scorer = await lc.register(olivia, {
      name: 'Consumer credit scorer',
      intendedPurpose: 'Score the creditworthiness of consumers',
      roles: ['deployer'],
      attributes: { useCases: ['credit-scoring'], profilesNaturalPersons: true, processesPersonalData: true, art6_3Derogation: 'none' },
    });
    creditScorer = scorer.system.id;
    await lc.complete(olivia, scorer.onboardingId, 'Task_confirmScope', { inScope: true });
    const ia = await lc.activeChild(gina, scorer.onboardingId, 'impact-assessment');
    await lc.complete(olivia, ia, 'Task_draft', {
      individuals: dimension(4, 3, 'Loans refused to creditworthy applicants'),
      groups: dimension(3, 2),
      society: dimension(2, 2),
      organisation: dimension(2, 1),
      summary: 'first draft',
    });
    await lc.complete(dora, ia, 'Task_fria', { fria: FRIA });
    assessmentId = (await lc.instance(gina, ia)).variables.assessmentId;

    // A minimal-risk system through its impact assessment to the risk assessment: one risk to treat.
    const triage = await lc.register(olivia, minimalSystem('Support ticket triage'));
    await lc.complete(olivia, triage.onboardingId, 'Task_confirmScope', { inScope: true });
    await driveAssessment(lc, await lc.activeChild(gina, triage.onboardingId, 'impact-assessment'), { drafter: olivia, reviewer: carla, approvers: [carla] });
    await lc.complete(rita, triage.onboardingId, 'Task_riskAssessment', {
      risks: [{ title: 'Personal data in prompts', description: 'Customers paste IBANs', likelihood: 4, severity: 4 }],
    });
    const risk: Json = await until(async () => (await lc.get(gina, '/risks', { systemId: triage.system.id }).expect(200)).body.items[0], 'the risk');
    riskId = risk.id;
    riskRating = risk.rating;

    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Asks again until the answer is there (background steps of a process); no sleeping. */
  async function until<T>(ask: () => Promise<T | undefined | null>, what: string): Promise<T> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await ask();
      if (answer !== undefined && answer !== null) return answer;
    }
    throw new Error(`${what} never came`);
  }

  async function open(who: Person): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const opened = await openConsole(browser, base);
    await signIn(opened.page, who.token);
    return opened;
  }

  /** Reloads the page until the locator shows (a step its process opens in the background). */
  async function reloadUntil(page: Page, locator: Locator): Promise<void> {
    for (let attempt = 0; !(await locator.count()); attempt++) {
      if (attempt === 50) throw new Error(`${locator.toString()} never showed`);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
  }

  /** The dashboard is a link in the bar; audits sit in the Audit menu, the other registers in the Register menu. */
  const nav = (page: Page, name: string) =>
    name === 'Dashboard'
      ? page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click()
      : navigateTo(page, name === 'Audits' ? 'Audit' : 'Register', name);
  const fact = (page: Page, term: string) => page.locator(`dl.facts dt:text-is("${term}") + dd`).first();

  it(
    'opens an impact assessment from its system and reads the four dimensions and the FRIA as a document, with the PDF',
    async () => {
      const { context, page, errors } = await open(carla);
      await page.goto(`/systems/${creditScorer}`);
      await page.getByRole('heading', { name: 'Consumer credit scorer' }).waitFor();
      await page.getByRole('heading', { name: 'EU AI Act obligations' }).waitFor();
      await page
        .getByText(/Art\. 26/)
        .first()
        .waitFor();
      await page.getByRole('link', { name: 'Impact assessments' }).last().click();
      await page.waitForURL(new RegExp(`/impact-assessments\\?systemId=${creditScorer}`));
      await page.getByRole('table').getByText('1 assessment').waitFor();
      await checked(page, 'impact-assessments');

      await page.getByRole('link', { name: 'Version 1' }).click();
      await page.getByRole('heading', { name: 'Impact assessment, version 1' }).waitFor();
      await expect(fact(page, 'Status').textContent()).resolves.toBe('in-review');
      await expect(page.locator('.dimension', { hasText: 'Individuals' }).locator('dt:text-is("Severity") + dd').textContent()).resolves.toBe('4 of 5 (major)');
      await page.getByText('Loans refused to creditworthy applicants').waitFor();

      // The FRIA reads as a document: the six elements of Art. 27(1) as headings, the answers as paragraphs.
      const fria = page.getByRole('article', { name: 'Fundamental rights impact assessment' });
      expect(await fria.getByRole('heading').allTextContents()).toEqual([
        'Art. 27(1)(a) The deployer’s processes in which the system is used',
        'Art. 27(1)(b) Period and frequency of use',
        'Art. 27(1)(c) Categories of natural persons and groups likely to be affected',
        'Art. 27(1)(d) Specific risks of harm to those persons and groups',
        'Art. 27(1)(e) Human oversight measures',
        'Art. 27(1)(f) Measures if the risks materialise, internal governance and complaints',
      ]);
      expect(await fria.locator('p').allTextContents()).toContain('Indirect discrimination by postcode.');
      expect(await fria.textContent()).not.toContain('{');
      await page.getByRole('table', { name: 'Steps of its impact-assessment process' }).getByText('Review impact assessment').waitFor();
      await checked(page, 'impact-assessment');

      const pdf = await page.getByRole('link', { name: 'PDF' }).getAttribute('href');
      expect(pdf).toBe(`/api/v1/documents/impact-assessment?impactAssessmentId=${assessmentId}&format=pdf`);
      const download = await context.request.get(pdf!);
      expect({ status: download.status(), type: download.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'starts a certification audit, lists it with its stage, and once certified with its next due date and findings',
    async () => {
      const { context, page, errors } = await open(carla);
      await nav(page, 'Audits');
      await page.getByRole('link', { name: 'Start an audit' }).click();
      await page.getByRole('button', { name: 'Start audit' }).click();
      await page.getByText('is required').first().waitFor();
      await page.getByRole('radiogroup', { name: /Type/ }).getByText('certification', { exact: true }).click();
      await page.getByLabel('Title').fill('ISO/IEC 42001 certification 2027');
      await page.getByLabel('Scope').fill('All AI systems of the EU business');
      await checked(page, 'audit-new');
      await page.getByRole('button', { name: 'Start audit' }).click();
      await page.getByRole('heading', { name: 'ISO/IEC 42001 certification 2027' }).waitFor();
      await expect(fact(page, 'Stage').textContent()).resolves.toBe('stage-1');

      await nav(page, 'Audits');
      const row = page.getByRole('row', { name: /ISO\/IEC 42001 certification 2027/ });
      await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('stage-1');

      // Stage 1 finds a minor; Stage 2 nothing; a third auditor certifies.
      const audit = (await lc.get(gina, '/audits', { type: 'certification' }).expect(200)).body.items[0];
      await lc.complete(ed, audit.instanceId, 'Task_stage1', {
        findings: [{ title: 'AI policy not communicated to contractors', severity: 'minor', clauseRefs: ['5.2'] }],
        stage1Report: 'one minor',
      });
      await lc.complete(rex, audit.instanceId, 'Task_stage2', { findings: [], stage2Report: 'effective' });
      await lc.complete(eve, audit.instanceId, 'Task_decision', { decision: 'certify', decisionComments: 'certified' });
      const certified: Json = await until(async () => {
        const body = (await lc.get(gina, `/audits/${audit.id}`).expect(200)).body;
        return body.nextDueAt ? body : undefined;
      }, 'the certification');
      await page.reload();
      await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe(certified.stage);
      const due = await row.getByRole('cell').nth(5).textContent();
      expect(due).toContain(String(new Date(certified.nextDueAt).getFullYear()));
      await checked(page, 'audits');

      await row.getByRole('link').click();
      await page.getByRole('heading', { name: 'Findings' }).waitFor();
      const finding = page.getByRole('row', { name: /AI policy not communicated to contractors/ });
      await expect(finding.getByRole('cell').nth(1).textContent()).resolves.toBe('minor');
      await finding.getByRole('link').click();
      await page.getByRole('heading', { name: 'AI policy not communicated to contractors' }).waitFor();
      await page.getByRole('link', { name: 'its audit' }).click();
      await page.getByRole('heading', { name: 'Audit steps' }).waitFor();
      await checked(page, 'audit');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'raises a nonconformity from the console and follows its corrective-action steps',
    async () => {
      const { context, page, errors } = await open(audrey);
      await nav(page, 'Nonconformities');
      await page.getByRole('link', { name: 'Raise a nonconformity' }).click();
      await page.getByRole('button', { name: 'Raise nonconformity' }).click();
      await page.getByText('is required').first().waitFor();
      await page.getByLabel('Title').fill('Inference logs not retained');
      await page.getByLabel('Description').fill('Logs of inference requests were deleted before shipping in March.');
      await page
        .getByRole('radiogroup', { name: /Source/ })
        .getByText('internal-audit')
        .click();
      await page
        .getByRole('radiogroup', { name: /Severity/ })
        .getByText('major')
        .click();
      await page
        .getByRole('radiogroup', { name: /AI system/ })
        .getByText('Consumer credit scorer')
        .click();
      await page.getByLabel('Annex A controls (e.g. A.6.2.8)').fill('A.6.2.8');
      await checked(page, 'nonconformity-new');
      await page.getByRole('button', { name: 'Raise nonconformity' }).click();
      await page.getByRole('heading', { name: 'Inference logs not retained' }).waitFor();
      await expect(fact(page, 'Annex A controls').textContent()).resolves.toBe('A.6.2.8');

      const steps = page.getByRole('table', { name: 'Corrective action steps' });
      await reloadUntil(page, steps.getByRole('link', { name: 'Contain and correct' }));
      await expect(
        steps
          .getByRole('row', { name: /Contain and correct/ })
          .getByRole('cell')
          .nth(1)
          .textContent(),
      ).resolves.toBe('open');

      // The compliance officer contains it: that step is done, by whom, and the next one is open.
      const nc = (await lc.get(gina, '/nonconformities', { source: 'internal-audit' }).expect(200)).body.items[0];
      await lc.complete(carla, nc.instanceId, 'Task_contain', { containment: 'Log shipping before rotation re-enabled' });
      await reloadUntil(page, steps.getByRole('link', { name: 'Root cause analysis' }));
      const contained = steps.getByRole('row', { name: /Contain and correct/ });
      await expect(contained.getByRole('cell').nth(1).textContent()).resolves.toBe('completed');
      await expect(contained.getByRole('cell').nth(2).textContent()).resolves.toBe('carla');
      await expect(fact(page, 'Containment').textContent()).resolves.toBe('Log shipping before rotation re-enabled');
      await checked(page, 'nonconformity');

      await nav(page, 'Nonconformities');
      await page.getByRole('button', { name: /Severity/ }).click();
      await page.getByRole('option', { name: 'major' }).click();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/severity=major/);
      await page.getByRole('link', { name: 'Inference logs not retained' }).waitFor();
      await checked(page, 'nonconformities');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'reports an incident; once triaged and classified serious its reporting deadline shows, late when passed',
    async () => {
      const { context, page, errors } = await open(olivia);
      await nav(page, 'Incidents');
      await page.getByRole('link', { name: 'Report an incident' }).click();
      await page
        .getByRole('radiogroup', { name: /AI system/ })
        .getByText('Consumer credit scorer')
        .click();
      await page.getByLabel('Title').fill('Applicants refused on postcode');
      await page.getByLabel('What happened').fill('Applicants from two postcodes were all refused for a week.');
      // Known for three weeks: whatever the deadline of Art. 73, it has passed.
      const local = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await page.getByLabel('When it happened').fill(local(25));
      await page.getByLabel('When the organisation became aware of it').fill(local(21));
      await page
        .getByRole('group', { name: /What it led to/ })
        .getByText('fundamental-rights-infringement')
        .click();
      await checked(page, 'incident-new');
      await page.getByRole('button', { name: 'Report incident' }).click();
      await page.getByRole('heading', { name: 'Applicants refused on postcode' }).waitFor();
      await expect(fact(page, 'Report due').textContent()).resolves.toBe('set when classified');

      const incident = (await lc.get(gina, '/incidents', { systemId: creditScorer }).expect(200)).body.items[0];
      await lc.complete(carla, incident.instanceId, 'Task_triage', { confirmed: true, triageNotes: 'confirmed from the complaints' });
      const classified: Json = await until(async () => {
        const body = (await lc.get(gina, `/incidents/${incident.id}`).expect(200)).body;
        return body.deadlineAt ? body : undefined;
      }, 'the classification');
      expect(classified).toMatchObject({ serious: true, late: true });
      await page.reload();
      await page.getByRole('heading', { name: 'Applicants refused on postcode' }).waitFor();
      await expect(fact(page, 'Report due').textContent()).resolves.toContain(String(new Date(classified.deadlineAt).getFullYear()));
      await expect(fact(page, 'Report due').locator('.badge.late').textContent()).resolves.toBe('late');
      await expect(fact(page, 'Serious').locator('.badge').textContent()).resolves.toBe('serious');
      await checked(page, 'incident');

      await page.goto('/incidents?late=true');
      const row = page.getByRole('row', { name: /Applicants refused on postcode/ });
      await row.waitFor();
      await expect(row.locator('.badge.serious').count()).resolves.toBe(1);
      await expect(row.locator('.badge.late').count()).resolves.toBe(1);
      await checked(page, 'incidents');
      await nav(page, 'Dashboard');
      await page.getByRole('link', { name: '1 reported late or overdue' }).waitFor();
      await page.getByRole('heading', { name: 'Upcoming obligations' }).waitFor();
      await checked(page, 'dashboard-registers');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'acknowledges a published policy, records a measurement of an objective, reads a risk and the obligations calendar',
    async () => {
      const policy = (
        await lc
          .post(gina, '/policies', {
            title: 'AI policy',
            body: '# AI policy\n\nWe use AI systems under human oversight.\n\nEvery AI system has an owner.',
            scope: 'All AI systems',
            kind: 'ai-policy',
            acknowledgedBy: ['ai-owner'],
          })
          .expect(201)
      ).body;
      await lc.complete(carla, policy.instanceId, 'Task_review', { decision: 'approve' });
      await lc.complete(tess, policy.instanceId, 'Task_approve', { decision: 'approve' });
      await lc
        .post(carla, '/objectives', {
          title: 'Share of refusals reviewed',
          measure: 'Refusals reviewed by an analyst, monthly',
          unit: '%',
          target: 100,
          direction: 'at-least',
          frequency: 'P1M',
          systemIds: [creditScorer],
        })
        .expect(201);

      const { context, page, errors } = await open(olivia);
      await nav(page, 'Policies');
      await page.getByRole('link', { name: 'AI policy' }).click();
      await page.getByRole('heading', { name: 'AI policy, version 1' }).waitFor();
      const text = page.getByRole('article', { name: 'Policy text' });
      await expect(text.getByRole('heading').textContent()).resolves.toBe('AI policy');
      await expect(text.locator('p').allTextContents()).resolves.toEqual(['We use AI systems under human oversight.', 'Every AI system has an owner.']);
      await page
        .getByRole('row', { name: /Olivia Owner/ })
        .getByText('still to acknowledge')
        .waitFor();
      await page.getByRole('button', { name: 'Acknowledge this policy' }).click();
      await page.getByText(/^You acknowledged it on/).waitFor();
      await page.getByText('1 of 1 required acknowledged — complete.').waitFor();
      await checked(page, 'policy');
      await nav(page, 'Policies');
      await checked(page, 'policies');

      await nav(page, 'Objectives');
      await page.getByRole('link', { name: 'Share of refusals reviewed' }).click();
      await page.getByText('Record a measurement').click();
      await page.getByLabel('Value').fill('97.5');
      await page.getByLabel('Note').fill('sample of 200 refusals');
      await page.getByRole('button', { name: 'Record measurement' }).click();
      await page
        .getByRole('table', { name: /Each measurement/ })
        .getByText('97.5 %')
        .waitFor();
      await page.getByRole('table', { name: /Share of refusals reviewed \(%\)/ }).waitFor();
      await expect(fact(page, 'Latest').textContent()).resolves.toBe('97.5 %');
      await checked(page, 'objective');
      await nav(page, 'Objectives');
      await checked(page, 'objectives');

      await nav(page, 'Risks');
      await page.getByRole('link', { name: 'Personal data in prompts' }).click();
      await page.getByRole('heading', { name: 'Treatment plan' }).waitFor();
      await page.waitForURL(new RegExp(`/risks/${riskId}$`));
      await page.getByRole('table', { name: 'Steps of its risk-treatment process' }).getByRole('row').nth(1).waitFor();
      await checked(page, 'risk');
      await nav(page, 'Risks');
      await page.getByRole('button', { name: /Rating/ }).click();
      await page.getByRole('option', { name: riskRating, exact: true }).click();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(new RegExp(`rating=${riskRating}`));
      await page.getByRole('link', { name: 'Personal data in prompts' }).waitFor();
      await checked(page, 'risks');

      await nav(page, 'Obligations');
      await page.getByRole('heading', { name: 'Obligations calendar' }).waitFor();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      const dates = await page.locator('.calendar h2 time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
      expect(dates).toEqual([...dates].sort());
      await page.getByRole('link', { name: 'Consumer credit scorer' }).first().waitFor();
      await checked(page, 'obligations');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
  it(
    'shows the management review its compiled input, as JSON and as a PDF, from the review task',
    async () => {
      const audit = (await lc.post(audrey, '/audits', { type: 'internal', title: 'Internal audit 2027-2' }).expect(201)).body;
      await lc.complete(audrey, audit.instanceId, 'Task_plan', { scope: 'Clause 9.1', auditedArea: 'Monitoring', areaOwner: 'olivia' });
      await lc.complete(audrey, audit.instanceId, 'Task_fieldwork', { findings: [{ title: 'Dashboards not reviewed', severity: 'observation' }] });
      await lc.complete(audrey, audit.instanceId, 'Task_report', { report: 'one observation' });
      const review = await lc.myTask(tess, audit.instanceId, 'Task_managementReview');

      const { context, page, errors } = await open(tess);
      await page.goto(`/tasks/${review.id}`);
      await page.getByRole('heading', { name: 'Management review', level: 1 }).waitFor();
      const links = fact(page, 'To work from');
      const json = await links.getByRole('link', { name: 'Management review input (JSON)' }).getAttribute('href');
      const pdf = await links.getByRole('link', { name: 'Management review input (PDF)' }).getAttribute('href');
      await checked(page, 'management-review-task');

      const input = await context.request.get(json!);
      expect(input.status()).toBe(200);
      expect(Object.keys((await input.json()) as Json)).toEqual(expect.arrayContaining(['id', 'instanceId']));
      const document = await context.request.get(pdf!);
      expect({ status: document.status(), type: document.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
});
