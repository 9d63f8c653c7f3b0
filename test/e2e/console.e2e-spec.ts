import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { NotificationDeliveryWorker } from '../../src/notifications/notification-delivery-worker.js';
import { NotificationFanout } from '../../src/notifications/notification-fanout.js';
import { BROWSER_TEST_MS, checked, launchChromium, navigateTo, openConsole, signIn } from '../helpers/browser.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The governance console in a real browser (Debian's Chromium, headless) against the real service
 * serving the built console, on real PostgreSQL. Every page visited is scanned with axe-core (no
 * serious or critical violation) and nothing may be refused by the console's CSP or throw.
 */
describe('governance console', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = () => openConsole(browser, base);

  /** Reloads until the inbox (with these filters) lists the task (the lifecycle may open it in a background step). */
  async function inboxTask(page: Page, name: string, filters = ''): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await page.goto(`/inbox${filters}`);
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await page.getByText('None.').or(page.getByRole('link', { name })).first().waitFor();
      if (await page.getByRole('link', { name }).count()) break;
      if (attempt === 50) throw new Error(`${name} never reached the inbox`);
    }
    await page.getByRole('link', { name }).first().click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  it('is served at / under its own CSP, routes of the console get index.html, everything else stays the API', async () => {
    const page = await t.http.get('/inbox?overdue=true').set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const nonce = /<meta name="csp-nonce" content="([^"]+)"/.exec(page.text)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; font-src 'self'; connect-src 'self'; ` +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    const again = await t.http.get('/').set('Accept', 'text/html').expect(200);
    expect(again.text).not.toContain(nonce);

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    const asset = await t.http.get(script).expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // Not console routes: a missing asset, an API client without HTML, the API, the docs, a way out of the folder.
    for (const [path, accept] of [
      ['/assets/missing.js', '*/*'],
      ['/inbox', 'application/json'],
      ['/api/v1/nothing', 'text/html'],
      ['/%2e%2e/package.json', 'text/html'],
    ]) {
      const res = await t.http.get(path).set('Accept', accept).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const docs = await t.http.get('/docs/').expect(200);
    expect(docs.headers['content-security-policy']).toContain('validator.swagger.io');
  });

  it(
    'signs in with a token into an HttpOnly session, shows the dashboard, and signs out',
    async () => {
      const { context, page, errors } = await open();
      await page.goto('/');
      await page.getByLabel('API token').waitFor();
      await checked(page, 'sign-in');

      await page.getByLabel('API token').fill('not-a-token-at-all-0123456789');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();

      // By keyboard only: the token field has focus, Enter signs in; the skip link leads to the content.
      await page.getByLabel('API token').fill('');
      await page.keyboard.type(ADMIN_TOKEN);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.getByText('Verified').waitFor();
      await checked(page);
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
      await page.keyboard.press('Tab'); // Dashboard
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Inbox');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'aimsflow_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).toBe('{}{}');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to aimsflow' }).waitFor();
      await page.goto('/systems');
      await page.getByRole('heading', { name: 'Sign in to aimsflow' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'registers a high-risk system through the form generated from the attribute schema and shows its class and legal basis',
    async () => {
      const owner = await t.tokenFor('olivia', 'ai-owner');
      const { context, page, errors } = await open();
      await signIn(page, owner);
      await navigateTo(page, 'Register', 'AI systems');
      await page.getByRole('link', { name: 'Register an AI system' }).click();
      await page.getByLabel('Name').first().waitFor();

      // Sent empty: the required fields say so, nothing is registered.
      await page.getByRole('main').getByRole('button', { name: 'Register' }).click();
      await page.getByText('is required').first().waitFor();

      await page.getByLabel('Name', { exact: false }).first().fill('CV screening assistant');
      await page.getByLabel('Intended purpose').fill('Shortlist applicants for open positions');
      await page
        .getByRole('group', { name: /Roles of the organisation/ })
        .getByText('deployer')
        .click();
      await page
        .getByRole('group', { name: /Use cases/ })
        .getByText('recruitment', { exact: true })
        .click();
      await page.getByText('Profiles natural persons', { exact: true }).click();
      await page.getByText('Processes personal data', { exact: true }).click();
      await checked(page, 'register-system');
      await page.getByRole('main').getByRole('button', { name: 'Register' }).click();

      await page.getByRole('heading', { name: 'CV screening assistant' }).waitFor();
      const facts = page.locator('dl.facts');
      await expect(facts.locator('dt:has-text("Risk class") + dd').textContent()).resolves.toBe('high');
      await expect(facts.locator('dt:has-text("Legal basis") + dd').textContent()).resolves.toContain('Annex III');
      await page.getByRole('heading', { name: 'Decisions' }).waitFor();
      // The classification is open with its explanation: the rule that made it high-risk fired.
      await page
        .locator('details.decision[open]')
        .getByText(/^Fired$/)
        .first()
        .waitFor();
      await checked(page, 'system-detail');

      await navigateTo(page, 'Register', 'AI systems');
      await page.getByRole('link', { name: 'CV screening assistant' }).waitFor();
      // The API's filters: minimal-risk systems, none; high-risk ones, this one.
      for (const [riskClass, shown] of [
        ['minimal', 'No system matches.'],
        ['high', 'CV screening assistant'],
      ]) {
        await page.getByRole('button', { name: /Risk class/ }).click();
        await page.getByRole('option', { name: riskClass }).click();
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL(new RegExp(`riskClass=${riskClass}`));
        await page.getByRole('table').getByText(shown).waitFor();
      }
      await checked(page, 'systems');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'works onboarding tasks from the inbox; the drafter is refused the review by segregation of duties, the rule named',
    async () => {
      // Olivia owns the system and is also a compliance officer, so she may review, except what she drafted.
      const olivia = await t.tokenFor('olivia-co', 'ai-owner', 'compliance-officer');
      const { context, page, errors } = await open();
      await signIn(page, olivia);
      const created = await t.http
        .post('/api/v1/ai-systems')
        .set('Authorization', `Bearer ${olivia}`)
        .send({ name: 'Interview scheduler', intendedPurpose: 'Schedule interviews', roles: ['deployer'], attributes: { useCases: ['recruitment'] } })
        .expect(201);
      expect(created.body.riskClass).toBe('high');
      // The inbox filtered by subject: this system's tasks only.
      const mine = `?subjectType=ai-system&subjectId=${created.body.id}`;

      await inboxTask(page, 'Confirm scope and role', mine);
      await checked(page);
      await page
        .getByRole('radiogroup', { name: /Is the system in the scope/ })
        .getByText('Yes')
        .click();
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();

      await inboxTask(page, 'Draft impact assessment', mine);
      // Sent empty: each required dimension says so on its own fieldset.
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page
        .getByRole('group', { name: /Individuals/ })
        .getByText('is required')
        .waitFor();
      for (const dimension of ['Individuals', 'Groups and communities', 'Society', 'The organisation']) {
        const group = page.getByRole('group', { name: new RegExp(dimension) });
        await group.getByLabel('Description').fill(`Effects on ${dimension.toLowerCase()}`);
        await group.getByLabel('Severity').fill('2');
        await group.getByLabel('Likelihood').fill('2');
      }
      await page
        .getByRole('group', { name: /Individuals/ })
        .getByLabel('Severity')
        .fill('9');
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByText('must be between 1 and 5').waitFor();
      await page
        .getByRole('group', { name: /Individuals/ })
        .getByLabel('Severity')
        .fill('3');
      await checked(page, 'task-form');
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();

      await inboxTask(page, 'Review impact assessment', mine);
      await page
        .getByRole('radiogroup', { name: /Review decision/ })
        .getByText('approve', { exact: true })
        .click();
      await page.getByRole('button', { name: 'Complete task' }).click();
      const alert = page.getByRole('alert');
      await alert.getByText('Refused by segregation of duties').waitFor();
      await expect(alert.textContent()).resolves.toContain('separateFrom: Task_draft');
      await checked(page, 'segregation-of-duties');

      // Handed to a colleague who may review it: it leaves the drafter's claimable list.
      await t.tokenFor('carla', 'compliance-officer');
      await page.getByLabel('Delegate to (subject)').fill('carla');
      await page.getByRole('button', { name: 'Delegate' }).click();
      await page.locator('dt:has-text("Held by") + dd').getByText('carla').waitFor();
      await expect(page.getByRole('button', { name: 'Complete task' }).count()).resolves.toBe(0);

      await page.goto('/inbox');
      await page.getByRole('link', { name: 'Confirm scope and role' }).waitFor();
      await expect(page.getByRole('link', { name: 'Review impact assessment' }).count()).resolves.toBe(0);
      await checked(page, 'inbox');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows the register and the work on the dashboard, a process diagram and a rule set loaded on demand',
    async () => {
      const { context, page, errors } = await open();
      await signIn(page, ADMIN_TOKEN);
      const high = page.getByRole('table', { name: 'Systems per EU AI Act risk class' }).getByRole('row', { name: /high/ });
      await high.getByRole('cell', { name: '2', exact: true }).waitFor();
      await page.getByText('Verified').waitFor();
      await checked(page, 'dashboard');

      await navigateTo(page, 'Processes & rules', 'Processes');
      await page.getByRole('link', { name: 'AI system onboarding' }).click();
      await page.locator('.diagram svg .djs-element').first().waitFor();
      await checked(page, 'process-diagram');

      await navigateTo(page, 'Processes & rules', 'Rules');
      await page.getByRole('link', { name: 'EU AI Act risk classification' }).click();
      await page.getByRole('textbox', { name: 'Rule set eu-ai-act-risk-class' }).waitFor();
      await page.getByRole('button', { name: 'Save as new draft version' }).waitFor();
      await checked(page, 'rules');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'deploys a BPMN file: an invalid one is refused with each issue marked on its element in the diagram and listed; an instance shows its active element',
    async () => {
      const gina = await t.tokenFor('gina', 'governance');
      const onboarding = readFileSync(new URL('../../processes/ai-system-onboarding.bpmn', import.meta.url), 'utf8');
      // A rule set not deployed yet is only a warning (resolved when reached); a business rule task naming none is refused.
      const broken = onboarding.replace('aimsflow:ruleSet="eu-ai-act-risk-class"', '');
      const { context, page, errors } = await open();
      await signIn(page, gina);
      await page.goto('/processes');
      await page.getByLabel('BPMN file').setInputFiles({ name: 'onboarding.bpmn', mimeType: 'application/xml', buffer: Buffer.from(broken) });
      const issues = page.getByRole('list', { name: 'Issues by element' });
      await issues.getByText('business rule task needs a rule set').waitFor();
      await expect(issues.textContent()).resolves.toContain('Task_classify');
      await page.locator('.diagram .djs-element.has-issue[data-element-id="Task_classify"]').waitFor();
      await page.locator('.diagram .issue-badge').first().waitFor();
      await checked(page, 'process-deploy-issues');

      // The shipped file again: the same content is already deployed, nothing new stored.
      await page.getByLabel('BPMN file').setInputFiles({ name: 'onboarding.bpmn', mimeType: 'application/xml', buffer: Buffer.from(onboarding) });
      await page.getByRole('status').getByText('Already deployed (same content)').waitFor();

      // A collaboration of two executable pools: each deployed as a definition of its own, both named.
      const pools = readFileSync(new URL('../fixtures/bpmn/corpus/bpmn-elements/two-executable-processes.bpmn', import.meta.url), 'utf8')
        .replace(/"Process_1"/g, '"console-pool-1"')
        .replace(/"Process_2"/g, '"console-pool-2"');
      await page.getByLabel('BPMN file').setInputFiles({ name: 'pools.bpmn', mimeType: 'application/xml', buffer: Buffer.from(pools) });
      await page.getByRole('status').getByRole('link', { name: 'console-pool-1 version 1' }).waitFor();
      await page.getByRole('status').getByRole('link', { name: 'console-pool-2 version 1' }).waitFor();

      // An instance: its diagram with the active element highlighted, its open task, its history.
      const owner = await t.tokenFor('omar', 'ai-owner');
      const system = await t.http
        .post('/api/v1/ai-systems')
        .set('Authorization', `Bearer ${owner}`)
        .send({ name: 'Candidate ranking', intendedPurpose: 'Rank applicants', roles: ['deployer'], attributes: { useCases: ['recruitment'] } })
        .expect(201);
      let instance: { id: string; activeElementIds: string[] } | undefined;
      for (let attempt = 0; !instance?.activeElementIds.length; attempt++) {
        if (attempt === 200) throw new Error('the onboarding instance never waited on a task');
        const list = await t.http
          .get(`/api/v1/process-instances?subjectType=ai-system&subjectId=${system.body.id}`)
          .set('Authorization', `Bearer ${gina}`)
          .expect(200);
        instance = list.body.items[0];
      }
      await page.goto(`/processes/instances/${instance.id}`);
      const active = instance.activeElementIds[0];
      await page.locator(`.diagram .djs-element.is-active[data-element-id="${active}"]`).waitFor();
      await page.getByRole('heading', { name: 'Open tasks' }).waitFor();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.locator('.timeline li').first().waitFor();
      await checked(page, 'process-instance');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'simulates a rule change against the register and shows which systems change and how, activates it, rolls it back, compares versions and decides sample facts',
    async () => {
      const gina = await t.tokenFor('gina', 'governance');
      const current = await t.http.get('/api/v1/rule-sets/eu-ai-act-risk-class').set('Authorization', `Bearer ${gina}`).expect(200);
      // The change: recruitment is no longer high-risk but limited.
      const document = structuredClone(current.body.document);
      const employment = document.rules.find((rule: { name: string }) => rule.name === 'annex-iii-4-employment');
      employment.event.params = { riskClass: 'limited', basis: ['Art. 50(1)'] };
      const draft = await t.http.post('/api/v1/rule-sets/eu-ai-act-risk-class/versions').set('Authorization', `Bearer ${gina}`).send(document).expect(201);
      const [from, to] = [current.body.version as number, draft.body.version as number];
      const owner = await t.tokenFor('oscar', 'ai-owner');
      await t.http
        .post('/api/v1/ai-systems')
        .set('Authorization', `Bearer ${owner}`)
        .send({ name: 'Hiring chatbot', intendedPurpose: 'Answer applicants', roles: ['deployer'], attributes: { useCases: ['recruitment'] } })
        .expect(201);

      const { context, page, errors } = await open();
      await signIn(page, gina);
      await page.goto('/rules?key=eu-ai-act-risk-class');
      await page.getByRole('heading', { name: 'Versions', exact: true }).waitFor();
      await page.getByRole('button', { name: `Simulate version ${to}` }).click();
      const changes = page.getByRole('table', { name: 'Systems whose outcome would change' });
      const hiring = changes.getByRole('rowgroup', { name: 'Hiring chatbot' });
      await hiring.waitFor();
      // Its class changes, and why: the legal basis of the rule that now decides.
      const riskClass = hiring.getByRole('row').filter({ hasText: 'riskClass' });
      await expect(riskClass.getByRole('cell').allTextContents()).resolves.toEqual(['riskClass', 'high', 'limited']);
      const basis = hiring.getByRole('row').filter({ hasText: 'basis' });
      await expect(basis.getByRole('cell').allTextContents()).resolves.toEqual(['basis', 'Art. 6(2), Annex III(4)', 'Art. 50(1)']);
      // The diff of the two versions names the rule and the part changed.
      await page
        .getByRole('table', { name: `Changes from version ${from} to ${to}` })
        .getByText('annex-iii-4-employment')
        .waitFor();
      await checked(page, 'rule-simulation');

      await page.getByRole('button', { name: `Activate version ${to}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Version ${to} is active` })
        .waitFor();
      const system = await t.http.get('/api/v1/ai-systems?q=Hiring').set('Authorization', `Bearer ${gina}`).expect(200);
      expect(system.body.items.find((s: { name: string }) => s.name === 'Hiring chatbot').riskClass).toBe('limited');

      await page.getByRole('button', { name: `Roll back to version ${from}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Version ${from} is active` })
        .waitFor();
      const back = await t.http.get('/api/v1/ai-systems?q=Hiring').set('Authorization', `Bearer ${gina}`).expect(200);
      expect(back.body.items.find((s: { name: string }) => s.name === 'Hiring chatbot').riskClass).toBe('high');

      // Sample facts, decided by the draft: the explanation says which rule fired.
      await page.getByLabel('Version deciding').selectOption(String(to));
      await page.getByRole('button', { name: 'Decide' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Version ${to} decides` })
        .waitFor();
      await page.getByText('annex-iii-4-employment').last().waitFor();
      await checked(page, 'rule-decision');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
  it(
    'lists my in-app notifications, unread ones marked, and marks them read',
    async () => {
      // A person who wants new tasks of her role in the console, at once.
      const person = await t.http
        .post('/api/v1/people')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .send({ identity: 'nadia', displayName: 'Nadia', email: 'nadia@example.com', assignedRoles: ['ai-owner'] })
        .expect(201);
      await t.http
        .patch(`/api/v1/people/${person.body.id}`)
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .send({ notificationPreferences: { 'task-available': { channels: ['in-app'], digest: 'immediate' } } })
        .expect(200);
      const nadia = await t.tokenFor('nadia', 'ai-owner');
      await t.http
        .post('/api/v1/ai-systems')
        .set('Authorization', `Bearer ${nadia}`)
        .send({ name: 'Shift planner', intendedPurpose: 'Plan shifts', roles: ['deployer'], attributes: { useCases: ['recruitment'] } })
        .expect(201);
      // The onboarding task waits on her role; the fan-out turns it into her in-app notification.
      for (let attempt = 0; ; attempt++) {
        await t.app.get(NotificationFanout).runOnce();
        await t.app.get(NotificationDeliveryWorker).runOnce();
        const mine = await t.http.get('/api/v1/me/notifications').set('Authorization', `Bearer ${nadia}`).expect(200);
        if (mine.body.total > 0) break;
        if (attempt === 100) throw new Error('no notification reached nadia');
      }
      const { context, page, errors } = await open();
      await signIn(page, nadia);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
      await page.getByRole('heading', { name: 'Notifications' }).waitFor();
      await page.getByText('unread', { exact: true }).first().waitFor();
      await checked(page, 'notifications');
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByRole('button', { name: 'Unread only' }).click();
      await page.getByText('None.').waitFor();
      // Token administration is for admins: not in her navigation, and the page says why.
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tokens' }).count()).resolves.toBe(0);
      await page.goto('/admin/tokens');
      await page.getByText('Managing API tokens needs the admin role.').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
  it(
    'creates an API token (the secret shown once) and revokes it; the page is for admins only',
    async () => {
      const { context, page, errors } = await open();
      await signIn(page, ADMIN_TOKEN);
      await navigateTo(page, 'Administration', 'Tokens');
      await page.getByRole('heading', { name: 'API tokens' }).waitFor();
      await page.getByLabel('Subject').fill('ci-bot');
      await page.getByLabel('Description').fill('Pipeline evidence uploads');
      await page.getByRole('group', { name: 'Roles' }).getByText('auditor', { exact: true }).click();
      await page.getByRole('button', { name: 'Create token' }).click();
      const secret = await page.getByLabel("The new token's secret").textContent();
      await t.http.get('/api/v1/me').set('Authorization', `Bearer ${secret}`).expect(200);
      await checked(page, 'tokens');
      await page.getByRole('button', { name: /^Revoke ci-bot/ }).click();
      await page
        .getByRole('row', { name: /ci-bot/ })
        .getByText(/^revoked/)
        .waitFor();
      await t.http.get('/api/v1/me').set('Authorization', `Bearer ${secret}`).expect(401);
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    "sets a control's implementation status on the Statement of Applicability; an auditor filters the audit trail and sees the chain verify",
    async () => {
      const governance = await t.tokenFor('gina', 'governance');
      const { context, page, errors } = await open();
      await signIn(page, governance);
      await navigateTo(page, 'Register', 'SoA');
      await page.getByRole('heading', { name: 'Statement of Applicability' }).waitFor();
      await page.getByRole('button', { name: 'Edit A.6.2.8 implementation' }).click();
      const form = page.getByRole('form', { name: 'A.6.2.8 implementation' });
      await form.getByRole('button', { name: /Status/ }).click();
      await page.getByRole('option', { name: 'implemented' }).click();
      await form.getByLabel('Note').fill('Event logging enabled (OPS-112)');
      await checked(page);
      await form.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('row', { name: /A\.6\.2\.8/ })
        .getByText('Event logging enabled (OPS-112)')
        .waitFor();
      const soa = await t.http.get('/api/v1/statement-of-applicability').set('Authorization', `Bearer ${governance}`).expect(200);
      expect(
        (soa.body as { controls: { controlId: string; implementationStatus: string }[] }).controls.find((c) => c.controlId === 'A.6.2.8')?.implementationStatus,
      ).toBe('implemented');
      // The implementation filter, kept in the address.
      await page.getByRole('button', { name: /Implementation/ }).click();
      await page.getByRole('option', { name: 'implemented' }).click();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=implemented/);
      await page.getByRole('row', { name: /A\.6\.2\.8/ }).waitFor();
      expect(await page.getByRole('row', { name: /not-started/ }).count()).toBe(0);
      await checked(page, 'soa');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('statement-of-applicability.csv');
      expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^controlId,title,/);
      await context.close();

      const auditor = await t.tokenFor('aude', 'auditor');
      const second = await open();
      await signIn(second.page, auditor);
      await navigateTo(second.page, 'Audit', 'Audit trail');
      await second.page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
      await second.page
        .getByRole('status')
        .getByText(/^The chain verifies/)
        .waitFor();
      await second.page.getByLabel('Action').fill('control.implementation-updated');
      await second.page.getByRole('button', { name: 'Apply filters' }).click();
      await second.page.waitForURL(/action=control\.implementation-updated/);
      await second.page.getByRole('row', { name: /gina/ }).getByText('A.6.2.8').waitFor();
      await checked(second.page, 'audit-trail');
      // An auditor reads the statement but is told who may set an implementation status.
      await navigateTo(second.page, 'Register', 'SoA');
      await second.page.getByText(/needs the governance, risk-officer or compliance-officer role/).waitFor();
      expect(await second.page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
      expect([...errors, ...second.errors]).toEqual([]);
      await second.context.close();
    },
    BROWSER_TEST_MS,
  );
});
