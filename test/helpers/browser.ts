import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium that never reaches out on its own (no network here, and tests must not depend on it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--disable-sync',
      '--no-first-run',
      '--metrics-recording-only',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * The serious and critical accessibility violations axe-core finds on the page. axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run().then((r) => r.violations),
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** Collects what the browser reports as errors: CSP refusals, uncaught exceptions, failed requests of the console itself. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // A refused request answers a problem the page shows; the browser logs its status too.
    if (message.type() === 'error' && !/the server responded with a status of (4\d\d)/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Opens a menu of the console's main navigation (console/src/navigation.ts) and follows one of its links. */
export async function navigateTo(page: Page, menu: string, link: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: menu, exact: true }).click();
  await nav.getByRole('link', { name: link, exact: true }).click();
}

/** `npm run screenshots` refreshes the committed ones in docs/console/; other runs keep theirs aside, leaving the tree clean. */
let screenshots: URL | undefined;
function screenshotsDir(): URL {
  screenshots ??=
    process.env.AIMSFLOW_SCREENSHOTS === '1'
      ? new URL('../../docs/console/', import.meta.url)
      : pathToFileURL(`${mkdtempSync(path.join(os.tmpdir(), 'aimsflow-console-'))}/`);
  return screenshots;
}

/** A browser test walks several pages; on a loaded CI machine that takes longer than an API test. */
export const BROWSER_TEST_MS = 150_000;

/** A fresh browser profile (no cookie) on the console at `base`, with its own page, errors watched. */
export async function openConsole(
  browser: Browser,
  base: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: base, viewport });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Signs in with an API token through the sign-in page, up to the dashboard. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in to aimsflow' }).waitFor();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}

/** No serious or critical accessibility violation on the page; with a name, its full-page screenshot (docs/console/<name>.png). */
export async function checked(page: Page, screenshot?: string): Promise<void> {
  // Thrown rather than expect()ed: the benchmarks import this file outside Jest.
  const violations = await axeViolations(page);
  if (violations.length) throw new Error(`accessibility violations on ${page.url()}:\n${violations.join('\n')}`);
  if (screenshot) await page.screenshot({ path: new URL(`${screenshot}.png`, screenshotsDir()).pathname, fullPage: true });
}
