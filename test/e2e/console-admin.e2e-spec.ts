import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { BROWSER_TEST_MS, checked, launchChromium, openConsole, signIn } from '../helpers/browser.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The console's navigation and administration pages in a real browser against the real service on
 * real PostgreSQL (see console.e2e-spec.ts): axe-scanned, and nothing refused by the CSP or thrown.
 */
describe('governance console: navigation and administration', () => {
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
      // Focus moving on to the next menu closes this one.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(register.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Processes & rules▾');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_MS,
  );
});
