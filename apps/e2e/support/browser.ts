import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

const ROOT = join(import.meta.dirname, '../../..');
/** Where screenshots land: `dist/e2e-screenshots/<name>.png`. */
export const SCREENSHOT_DIR = join(ROOT, 'dist/e2e-screenshots');

/** Debian's Chromium (Playwright's own download cannot work here), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

const cspReports = new WeakMap<BrowserContext, string[]>();

/**
 * A fresh profile (storage, service workers, permissions) shaped like a phone by default. It
 * records every Content-Security-Policy violation of its pages (the `securitypolicyviolation`
 * event and the console's "Refused to …" errors): see {@link cspViolations}.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    colorScheme: 'light',
    ...options,
  });
  const reports: string[] = [];
  cspReports.set(context, reports);
  await context.exposeBinding('__hubbleCspViolation', ({ page }, report: string) => {
    reports.push(`${page?.url() ?? '?'}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __hubbleCspViolation(report: string): void })
        .__hubbleCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      reports.push(`${message.location().url}: ${message.text()}`);
    }
  });
  return context;
}

/** The CSP violations the context's pages reported so far (none is the only right answer). */
export function cspViolations(context: BrowserContext): string[] {
  return [...(cspReports.get(context) ?? [])];
}

/** Returns the violations reported so far and forgets them (for a test that provokes one). */
export function takeCspViolations(context: BrowserContext): string[] {
  const reports = cspReports.get(context) ?? [];
  return reports.splice(0);
}

/**
 * Screenshots are written only when asked for with `E2E_SCREENSHOTS=1`: encoding the PNGs costs
 * CPU time (board-sizes: 75 s with them, 43 s without, on two cores) and no test reads them.
 */
export const SCREENSHOTS_WANTED = process.env['E2E_SCREENSHOTS'] === '1';

/**
 * Once animations are over, writes `dist/e2e-screenshots/<name>.png` and prints where (only with
 * `E2E_SCREENSHOTS=1`; returns `null` otherwise). The page is settled either way, so a test does
 * the same with and without screenshots.
 */
export async function screenshot(page: Page, name: string): Promise<string | null> {
  await settle(page);
  if (!SCREENSHOTS_WANTED) return null;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  process.stdout.write(`screenshot: ${path}\n`);
  return path;
}

/** Resolves once every CSS animation and transition on the page has finished. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished)),
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (every rule it runs by default: WCAG A/AA and best practices) on the page once
 * animations are over, and returns the violations in a readable form.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await settle(page);
  // Evaluated, not added as an inline <script>: the product's CSP rightly refuses those.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
}
