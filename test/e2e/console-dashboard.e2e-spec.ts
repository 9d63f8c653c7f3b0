import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { BROWSER_TEST_MS, checked, launchChromium, openConsole, signIn } from '../helpers/browser.js';
import { lifecycleClient } from '../helpers/lifecycle.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { waitingOnReviews } from '../helpers/timers.js';

const DAY_MS = 86_400_000;

/**
 * The dashboard's "Coming up" timeline (GET /process-timers) and its open nonconformities card in a
 * real browser: the browser's clock is set 30 days before the first surveillance audit, so the
 * nonconformity's effectiveness review (due 30 days after it was implemented) is overdue by then.
 */
describe('governance console: dashboard timeline', () => {
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
    await t.close();
  });

  it(
    'lists the overdue effectiveness review and the coming surveillance audit, each linked to its instance and subject, and counts open nonconformities',
    async () => {
      const lc = lifecycleClient(t);
      const { nc, audit } = await waitingOnReviews(lc);
      const gina = await lc.person('gina', 'governance');
      const { context, page, errors } = await openConsole(browser, base);
      await page.clock.setFixedTime(new Date(Date.parse(audit.surveillance1Due) - 30 * DAY_MS));
      await signIn(page, gina.token);

      const timeline = page.getByRole('list', { name: 'Timers by due date' });
      const review = timeline.getByRole('listitem').filter({ hasText: 'Effectiveness review due' });
      const surveillance = timeline.getByRole('listitem').filter({ hasText: 'Surveillance audit (12 months)' });
      await review.waitFor();
      await expect(review.textContent()).resolves.toContain('(overdue)');
      await expect(review.getByRole('link', { name: 'Effectiveness review due' }).getAttribute('href')).resolves.toBe(`/processes/instances/${nc.instanceId}`);
      await expect(review.getByRole('link', { name: 'nonconformity', exact: true }).getAttribute('href')).resolves.toBe(`/nonconformities/${nc.id}`);
      await expect(surveillance.textContent()).resolves.not.toContain('overdue');
      await expect(surveillance.locator('time').getAttribute('datetime')).resolves.toBe(audit.surveillance1Due);
      await expect(surveillance.getByRole('link', { name: 'audit', exact: true }).getAttribute('href')).resolves.toBe(`/audits/${audit.id}`);
      await expect(timeline.getByRole('listitem').count()).resolves.toBe(2);

      const ncCard = page.getByRole('region', { name: 'Nonconformities' });
      await ncCard.getByRole('link', { name: '1 open' }).waitFor();
      await checked(page, 'dashboard-timeline');

      await surveillance.getByRole('link', { name: 'Surveillance audit (12 months)' }).click();
      await page.getByText('Timer_surveillance1').first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
});
