import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';
import { BROWSER_TEST_MS, checked, launchChromium, navigateTo, openConsole, signIn } from '../helpers/browser.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The console's navigation and administration pages in a real browser against the real service on
 * real PostgreSQL (see console.e2e-spec.ts): axe-scanned, and nothing refused by the CSP or thrown.
 */
describe('governance console: navigation and administration', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // Deliveries go when the test runs the worker.
    t = await createTestApp({ webhookPollIntervalMs: 0 });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it(
    'keeps the header on one line at 1280×800 for an admin, and its menus work by keyboard with the current page marked',
    async () => {
      const { context, page, errors } = await openConsole(browser, base, { width: 1280, height: 800 });
      await signIn(page, ADMIN_TOKEN);
      // One line: no horizontal overflow, and no taller than its tallest item plus its own padding.
      const header = await page.locator('header.top').evaluate((el) => {
        const style = getComputedStyle(el);
        const tallest = Math.max(...[...el.querySelectorAll('nav > ul > li, .brand, .who > *')].map((child) => child.getBoundingClientRect().height));
        return {
          height: el.getBoundingClientRect().height,
          oneLine: tallest + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
          overflow: el.scrollWidth - el.clientWidth,
        };
      });
      expect(header.overflow).toBeLessThanOrEqual(0);
      expect(header.height).toBeLessThanOrEqual(header.oneLine + 1);
      await checked(page);

      const nav = page.getByRole('navigation', { name: 'Main' });
      const register = nav.getByRole('button', { name: 'Register', exact: true });
      // Skip link, the day's work (three links), then the first menu.
      for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Register▾');
      await expect(register.getAttribute('aria-expanded')).resolves.toBe('false');
      await page.keyboard.press('Enter');
      await expect(register.getAttribute('aria-expanded')).resolves.toBe('true');
      await checked(page, 'navigation');
      // Escape closes it and leaves focus on its button.
      await page.keyboard.press('Escape');
      await expect(register.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Register▾');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('AI systems');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'AI systems', level: 1 }).waitFor();
      await expect(register.getAttribute('aria-expanded')).resolves.toBe('false');
      // The current page: its menu says so, and, opened, its link.
      await expect(register.getAttribute('aria-current')).resolves.toBe('true');
      await register.click();
      await expect(nav.getByRole('link', { name: 'AI systems' }).getAttribute('aria-current')).resolves.toBe('page');
      // Focus moving on to the next menu (past this one's links) closes this one.
      const links = await register.locator('xpath=..').getByRole('link').count();
      for (let i = 0; i <= links; i++) await page.keyboard.press('Tab');
      await expect(register.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Processes & rules▾');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'subscribes a local receiver to events (the secret shown once), shows its delivery with the answer, and redelivers it',
    async () => {
      const receiver = await startWebhookReceiver(() => 202);
      try {
        const governance = await t.tokenFor('gina', 'governance');
        const { context, page, errors } = await openConsole(browser, base);
        await signIn(page, governance);
        await navigateTo(page, 'Administration', 'Webhooks');
        await page.getByRole('heading', { name: 'Webhook subscriptions' }).waitFor();
        await page.getByLabel('URL').fill(receiver.url);
        await page.getByLabel('Description').fill('Ticketing bridge');
        await page.getByRole('group', { name: 'Events' }).getByText('ai-system.*', { exact: true }).click();
        await page.getByRole('button', { name: 'Subscribe' }).click();
        const secret = await page.getByLabel("The new subscription's signing secret").textContent();
        expect(secret).toMatch(/^whsec_/);
        await page.getByRole('row', { name: /Ticketing bridge/ }).waitFor();
        await checked(page, 'webhooks');

        const owner = await t.tokenFor('olivia', 'ai-owner');
        await t.http
          .post('/api/v1/ai-systems')
          .set(auth(owner))
          .send({ name: 'Invoice reader', intendedPurpose: 'Read invoices', roles: ['deployer'], attributes: {} })
          .expect(201);
        await t.app.get(DeliveryWorker).runOnce();
        expect(receiver.received).toHaveLength(1);

        await page.getByRole('link', { name: receiver.url }).click();
        await page.getByRole('heading', { name: receiver.url }).waitFor();
        const row = page.getByRole('row', { name: /ai-system\.registered/ });
        await row.getByText('succeeded').waitFor();
        await row.getByRole('cell', { name: '202', exact: true }).waitFor();
        await checked(page, 'webhook-deliveries');
        await row.getByRole('button', { name: /^Redeliver/ }).click();
        await row.getByText('pending').waitFor();
        await t.app.get(DeliveryWorker).runOnce();
        expect(receiver.received).toHaveLength(2);
        // The same event again: the receiver can tell a redelivery by its webhook-id.
        expect(receiver.received[1].headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
        await page.reload();
        await row.getByText('succeeded').waitFor();

        await page.getByRole('button', { name: 'Delete subscription' }).click();
        await page.getByRole('heading', { name: 'Webhook subscriptions' }).waitFor();
        await page.getByText('None yet.').waitFor();
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await receiver.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'defines a role, is refused deleting it while a token names it (usedBy listed) or deleting a built-in role, and deactivates a person',
    async () => {
      const { context, page, errors } = await openConsole(browser, base);
      await signIn(page, ADMIN_TOKEN);
      await navigateTo(page, 'Administration', 'Roles');
      await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
      await page.getByLabel('Key').fill('Ethics Board');
      await page.getByLabel('Name').fill('Ethics board');
      await page.getByRole('button', { name: 'Define role' }).click();
      // The key's rule, on the field.
      await page
        .getByText(/must be a lowercase slug/)
        .first()
        .waitFor();
      await page.getByLabel('Key').fill('ethics-board');
      await page.getByRole('button', { name: 'Define role' }).click();
      await page.getByRole('row', { name: /ethics-board/ }).waitFor();

      const erin = await t.tokenFor('erin', 'ethics-board');
      await page.getByRole('button', { name: 'Delete ethics-board' }).click();
      const refusal = page.getByRole('alert');
      await refusal.getByText('Conflict').waitFor();
      await page
        .getByRole('list', { name: 'Still used by' })
        .getByText(/^tokens: token .* of erin$/)
        .waitFor();
      await checked(page, 'roles');
      await page.getByRole('button', { name: 'Delete auditor' }).click();
      await page.getByText(/Built-in roles come with aimsflow/).waitFor();

      await t.http.get('/api/v1/me').set(auth(erin)).expect(200);
      await navigateTo(page, 'Administration', 'People');
      await page.getByRole('heading', { name: 'People' }).waitFor();
      await page.getByLabel('Search').fill('erin');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/q=erin/);
      await checked(page, 'people');
      await page.getByRole('link', { name: 'erin' }).click();
      await page.getByRole('heading', { name: 'erin', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Deactivate' }).click();
      await page.getByRole('button', { name: 'Reactivate' }).waitFor();
      await page.getByText(/^deactivated: cannot act/).waitFor();
      await checked(page, 'person');
      await t.http.get('/api/v1/me').set(auth(erin)).expect(401);
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'lets a person set their own name and how a kind of event reaches them on their profile',
    async () => {
      const nadia = await t.tokenFor('nadia', 'ai-owner');
      const { context, page, errors } = await openConsole(browser, base);
      await signIn(page, nadia);
      // Not an admin: the directory's pages are there, the token page is not.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Administration' }).click();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tokens' }).count()).resolves.toBe(0);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Signed in as nadia' }).click();
      await page.getByRole('link', { name: 'My profile' }).click();
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      await page.getByLabel('Display name').fill('Nadia Novak');
      // By keyboard: the checkboxes of the table are labelled by kind and channel. E-mail only, whatever the role's default.
      for (const [label, wanted] of [
        ['My own choice for task-overdue', true],
        ['email for task-overdue', true],
        ['in-app for task-overdue', false],
      ] as const) {
        const box = page.getByLabel(label);
        if ((await box.isChecked()) === wanted) continue;
        await box.focus();
        await page.keyboard.press('Space');
      }
      await page.getByLabel('When task-overdue arrives').selectOption('daily');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();
      await checked(page, 'profile');
      const me = await t.http.get('/api/v1/me').set(auth(nadia)).expect(200);
      expect(me.body).toMatchObject({ displayName: 'Nadia Novak' });
      expect(me.body.notificationPreferences['task-overdue']).toEqual({ channels: ['email'], digest: 'daily' });
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
});
