import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { fromProjectRoot } from '../../src/common/paths.js';
import { BROWSER_TEST_MS, checked, launchChromium, openConsole, signIn } from '../helpers/browser.js';
import { auth, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** `npm run screenshots` refreshes the committed ones in docs/console/; other runs keep theirs aside, leaving the tree clean. */

/**
 * A task with a Camunda form in a real browser: the console renders it with the form-js viewer
 * (under the console's CSP, axe-scanned), shows the service's refusal on the field it names, and
 * completes the task.
 */
describe('console: Camunda forms', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'completes a task through its Camunda form, a server-side refusal shown on its field',
    async () => {
      const gov = await t.tokenFor('gina', 'governance');
      const form = readFileSync(fromProjectRoot('test/fixtures/forms/model-approval.form'), 'utf8');
      await t.http.post('/api/v1/forms').set(auth(gov)).set('Content-Type', 'application/json').send(form).expect(201);
      const p = processClient(t);
      await p.deploy(gov, fixture('camunda-forms.bpmn')).expect(201);
      const started = await p.start(gov, 'camunda-forms').expect(201);
      const task = await p.taskOf(gov, started.body.id, 'approve');

      const { context, page, errors } = await openConsole(browser, base, { width: 1280, height: 1400 });
      await signIn(page, gov);

      await page.goto(`/tasks/${task.id}`);
      await page.getByRole('heading', { name: 'Approve the model', level: 1 }).waitFor();
      await page.getByLabel('Summary').waitFor();

      // The viewer checks what it can before anything is sent.
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByText('Field is required.').first().waitFor();

      await page.getByLabel('Summary').fill('Credit scoring model v2');
      // form-js takes a text field's value on a debounce: typed early, it has long been taken when the form is sent.
      await page.getByLabel('Change ticket').fill('CHG-7');
      await page.getByLabel('Residual risk (0-10)').fill('4');
      // form-js draws its select as a list box over a hidden input.
      await page.locator('.fjs-form-field-select .fjs-input-group').click();
      await page.locator('.fjs-dropdownlist-item', { hasText: 'Approve' }).click();
      await page.getByLabel('Name').fill('Rosa');
      await page.getByLabel('Name').press('Tab');
      await checked(page, 'camunda-form');

      // A client that skipped the viewer's checks (here: the request rewritten on its way) meets the service's own.
      await page.route('**/complete', async (route) => {
        const body = route.request().postDataJSON() as { variables: Record<string, unknown> };
        await route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, riskScore: 12 } }) });
      });
      await page.getByRole('button', { name: 'Complete task' }).click();
      // On the field it names, as the viewer shows its own errors.
      await page.locator('.fjs-form-field-number .fjs-form-field-error', { hasText: 'must be at most 10' }).waitFor();
      expect((await t.http.get(`/api/v1/tasks/${task.id}`).set(auth(gov)).expect(200)).body.status).toBe('open');
      await checked(page);

      await page.unroute('**/complete');
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByText('Completed: Approve the model').waitFor();
      const done = (await t.http.get(`/api/v1/tasks/${task.id}`).set(auth(gov)).expect(200)).body;
      expect(done).toMatchObject({
        status: 'completed',
        outcome: 'approve',
        variables: { summary: 'Credit scoring model v2', riskScore: 4, decision: 'approve', ticket: 'CHG-7', owner: { name: 'Rosa' } },
      });
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
});
