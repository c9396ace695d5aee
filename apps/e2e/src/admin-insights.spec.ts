import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { OrderSource, RemovedReason } from '@hubble/contracts';
import { addDays, CafeClock } from '../../api/src/insights/cafe-time';
import { Store } from '../../api/src/persistence/store';
import { axeViolations, screenshot } from '../support/browser';
import { DeskPage } from '../support/desk-page';
import { browserSuite } from '../support/suite';

const TOKEN = 'e2e-staff-token-0123456789';
const clock = new CafeClock('Europe/Amsterdam');
const today = clock.dateAt(Date.now());

/** The instant of café wall time `hh:mm` on café day `date` (right on DST days too). */
function cafeTime(date: string, hour: number, minute = 0): number {
  const start = clock.dayStart(date);
  const guess = start + (hour * 60 + minute) * 60_000;
  return guess + clock.offsetAt(start) - clock.offsetAt(guess);
}

interface Seed {
  number: number;
  called: number;
  source: OrderSource;
  after: number;
  reason: RemovedReason;
  refreshes?: number;
}

const star: OrderSource = 'star-community';
const desk: OrderSource = 'back-office';

/** Today: 5 orders (4 collected after 1–4 min, 1 missed); 3 days ago: 6; 20 days ago: 10 missed. */
const TODAY: Seed[] = [
  { number: 11, called: cafeTime(today, 12, 0), source: star, after: 60, reason: 'staff' },
  { number: 12, called: cafeTime(today, 12, 10), source: star, after: 120, reason: 'staff' },
  { number: 13, called: cafeTime(today, 12, 20), source: desk, after: 180, reason: 'staff' },
  {
    number: 14,
    called: cafeTime(today, 12, 30),
    source: star,
    after: 240,
    reason: 'staff',
    refreshes: 2,
  },
  { number: 15, called: cafeTime(today, 18, 5), source: star, after: 300, reason: 'expired' },
];
const HISTORY: Seed[] = [
  ...TODAY,
  ...Array.from({ length: 6 }, (_, i) => ({
    number: 30 + i,
    called: cafeTime(addDays(today, -3), 9, i * 5),
    source: star,
    after: 30,
    reason: 'staff' as const,
  })),
  ...Array.from({ length: 10 }, (_, i) => ({
    number: 50 + i,
    called: cafeTime(addDays(today, -20), 15, i * 3),
    source: desk,
    after: 300,
    reason: 'expired' as const,
  })),
];

const dataDir = mkdtempSync(join(tmpdir(), 'hubble-e2e-insights-'));

async function seed(): Promise<void> {
  const store = await Store.open({ kind: 'sqlite', dataDir });
  try {
    await store.db
      .insertInto('orders')
      .values(
        HISTORY.map((order) => ({
          number: order.number,
          source: order.source,
          created_at: order.called,
          expires_at: order.called + 300_000,
          removed_at: order.called + order.after * 1000,
          removed_reason: order.reason,
          refresh_count: order.refreshes ?? 0,
        })),
      )
      .execute();
  } finally {
    await store.onApplicationShutdown();
  }
}

describe('the Insights screen', () => {
  beforeAll(seed);
  const suite = browserSuite({ ADMIN_TOKEN: TOKEN, DATA_DIR: dataDir });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function openInsights(options: BrowserContextOptions): Promise<Page> {
    const context = await suite.newContext({ acceptDownloads: true, ...options });
    return showInsights(new DeskPage(await context.newPage(), suite.product.url), true);
  }

  /**
   * The same in one signed-in page kept for the light English checks: logged in on the first
   * visit, then the desk is loaded afresh at `viewport` and its Insights link followed.
   */
  async function openInsightsAgain(viewport: { width: number; height: number }): Promise<Page> {
    const context = await suite.sharedContext('insights', { acceptDownloads: true, viewport });
    const first = context.pages().length === 0;
    const desk = new DeskPage(context.pages()[0] ?? (await context.newPage()), suite.product.url);
    await desk.page.setViewportSize(viewport);
    return showInsights(desk, first);
  }

  /** Opens the desk (logging in when asked), follows its Insights link, waits for the figures. */
  async function showInsights(desk: DeskPage, logIn: boolean): Promise<Page> {
    await desk.open();
    if (logIn) {
      await desk.loginScreen();
      await desk.logIn(TOKEN);
    }
    await desk.live();
    await desk.page.getByRole('link', { name: 'Insights' }).click();
    await figuresShown(desk.page, '5');
    return desk.page;
  }

  /** Waits until the figures show `called` orders called and are no longer loading. */
  async function figuresShown(page: Page, called: string): Promise<void> {
    await page.locator('[data-figure="called"]', { hasText: called }).waitFor({ timeout: 5000 });
    await page.locator('.figures:not([aria-busy="true"])').waitFor();
  }

  const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).innerText();

  /** The chart's numbers, from its table: label → value. */
  async function chartNumbers(page: Page, chart: string): Promise<Record<string, number>> {
    const rows = await page
      .locator(`[data-chart="${chart}"] tbody tr`)
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent?.trim(),
          tr.querySelector('td')?.textContent?.trim(),
        ]),
      );
    return Object.fromEntries(rows.map(([label, value]) => [label, Number(value)]));
  }

  /** Heights of the drawn bars, in chart order. */
  const barHeights = (page: Page, chart: string) =>
    page
      .locator(`[data-chart="${chart}"] svg rect.bar`)
      .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));

  it.each([
    { width: 390, height: 844 },
    { width: 1024, height: 768 },
  ])('shows the figures and charts at $width×$height, without axe violations', async (viewport) => {
    const page = await openInsightsAgain(viewport);

    expect(await figure(page, 'called')).toBe('5');
    expect(await figure(page, 'collected')).toBe('4');
    expect(await figure(page, 'missed')).toBe('1');
    expect(await figure(page, 'missed-share')).toBe('20% missed');
    expect(await figure(page, 'median')).toBe('2 min 30 s');
    expect(await figure(page, 'p90')).toBe('3 min 42 s');
    expect(await figure(page, 'refreshes')).toBe('2');
    expect(await figure(page, 'till')).toBe('4');
    expect(await figure(page, 'desk')).toBe('1');
    expect(await page.locator('.coverage').innerText()).toMatch(
      /^Covers .+, café time \(Europe\/Amsterdam\)\./,
    );
    expect(await page.locator('.coverage').innerText()).toContain('Orders are kept for 30 days');

    const hours = await barHeights(page, 'hours');
    expect(hours).toHaveLength(24);
    expect(hours.map((h, hour) => (h > 0 ? hour : -1)).filter((hour) => hour >= 0)).toEqual([
      12, 18,
    ]);
    expect(hours[12]).toBeGreaterThan(hours[18]);
    const perHour = await chartNumbers(page, 'hours');
    expect(perHour['12:00–13:00']).toBe(4);
    expect(perHour['18:00–19:00']).toBe(1);
    expect(Object.values(perHour).reduce((a, b) => a + b, 0)).toBe(5);
    expect(await barHeights(page, 'weekdays')).toHaveLength(7);

    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `admin-insights-${viewport.width}x${viewport.height}-light`);

    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await figuresShown(page, '21');
    expect(await figure(page, 'missed-share')).toBe('52% missed');
    const perWeekday = await chartNumbers(page, 'weekdays');
    expect(Object.values(perWeekday).reduce((a, b) => a + b, 0)).toBe(21);
    await screenshot(page, `admin-insights-${viewport.width}x${viewport.height}-30-days`);
  });

  it('switches periods, in Dutch too, and dark', async () => {
    const page = await openInsights({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await figuresShown(page, '11');
    await page.getByRole('button', { name: 'NL' }).click();
    await page.getByRole('heading', { level: 1, name: /Inzichten/ }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Laatste 7 dagen' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-insights-390x844-dark-nl');

    await page.getByRole('link', { name: 'Balie' }).click();
    await page.locator('app-desk').waitFor();
    expect(new URL(page.url()).hash).toBe('#desk');
  });

  it("downloads today's orders as CSV with the right rows", async () => {
    const page = await openInsightsAgain({ width: 1024, height: 768 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`hubble-orders-${today}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')).toEqual([
      'number,source,called,removed,reason',
      ...TODAY.map((order) =>
        [
          order.number,
          order.source,
          clock.isoAt(order.called),
          clock.isoAt(order.called + order.after * 1000),
          order.reason,
        ].join(','),
      ),
      '',
    ]);
  });
});
