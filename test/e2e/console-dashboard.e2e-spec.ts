import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { BROWSER_TEST_MS, checked, launchChromium, openConsole, signIn } from '../helpers/browser.js';
import { lifecycleClient } from '../helpers/lifecycle.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { waitingOnReviews } from '../helpers/timers.js';

const DAY_MS = 86_400_000;

/**
 * The dashboard's "Coming up" timeline (GET /process-timers) and its open nonconformities card in a
 * real browser: the browser's clock is set 30 days before the minimal-risk system's periodic review
 * (24 months on), so the effectiveness review (30 days on) and the surveillance audit (12 months on)
 * are overdue by then.
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
    'lists the overdue effectiveness review, the coming periodic review and surveillance audit, each linked to its instance and subject, and counts open nonconformities',
    async () => {
      const lc = lifecycleClient(t);
      const { systemId, onboardingId, nc, audit } = await waitingOnReviews(lc);
      const gina = await lc.person('gina', 'governance');
      const { context, page, errors } = await openConsole(browser, base);
      const periodicDue: string = (await lc.instance(gina, onboardingId)).timers[0].dueAt;
      await page.clock.setFixedTime(new Date(Date.parse(periodicDue) - 30 * DAY_MS));
      await signIn(page, gina.token);

      const timeline = page.getByRole('list', { name: 'Timers by due date' });
      const review = timeline.getByRole('listitem').filter({ hasText: 'Effectiveness review due' });
      const surveillance = timeline.getByRole('listitem').filter({ hasText: 'Surveillance audit (12 months)' });
      await review.waitFor();
      await expect(review.textContent()).resolves.toContain('(overdue)');
      await expect(review.getByRole('link', { name: 'Effectiveness review due' }).getAttribute('href')).resolves.toBe(`/processes/instances/${nc.instanceId}`);
      await expect(review.getByRole('link', { name: 'nonconformity', exact: true }).getAttribute('href')).resolves.toBe(`/nonconformities/${nc.id}`);
      await expect(surveillance.textContent()).resolves.toContain('(overdue)');
      await expect(surveillance.locator('time').getAttribute('datetime')).resolves.toBe(audit.surveillance1Due);
      await expect(surveillance.getByRole('link', { name: 'audit', exact: true }).getAttribute('href')).resolves.toBe(`/audits/${audit.id}`);
      const periodic = timeline.getByRole('listitem').filter({ hasText: 'Periodic review due' });
      await expect(periodic.getByRole('link', { name: 'Periodic review due' }).getAttribute('href')).resolves.toBe(`/processes/instances/${onboardingId}`);
      await expect(periodic.getByRole('link', { name: 'Chat log summariser' }).getAttribute('href')).resolves.toBe(`/systems/${systemId}`);
      await expect(periodic.textContent()).resolves.not.toContain('overdue');
      await expect(periodic.locator('time').getAttribute('datetime')).resolves.toBe(periodicDue);
      await expect(timeline.getByRole('listitem').count()).resolves.toBe(3);

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
