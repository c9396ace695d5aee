import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, screenshot } from '../support/browser';
import { BoardPage } from '../support/board-page';
import { browserSuite } from '../support/suite';

const PUBLIC_URL = 'https://orders.cafe.example.org';
/** The promise: every order on screen at least once every 30 s. */
const CYCLE_MS = 30_000;
/** Pages turn this fast in the test; the screen's own time is checked from data-page-ms. */
const TEST_PAGE_MS = 1200;
const SCREENS = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: '1080x1920', viewport: { width: 1080, height: 1920 } },
] as const;
/** Distinct two- and three-digit numbers, in no particular order. */
const NUMBERS = Array.from({ length: 60 }, (_, i) => 11 + ((i * 37) % 900));

describe('the kiosk: every order readable, paged within 30 s, QR code to PUBLIC_URL', () => {
  const suite = browserSuite({ PUBLIC_URL, ORDER_TIMEOUT_SECONDS: '3600' });
  let sent = 0;
  /** Tile height per screen and order count, to compare. */
  const tileHeights = new Map<string, number>();

  async function upTo(count: number): Promise<number[]> {
    await suite.product.sendOrders(NUMBERS.slice(sent, count));
    sent = Math.max(sent, count);
    return NUMBERS.slice(0, count);
  }

  /**
   * The kiosk at `path`, loaded afresh at `viewport` in one page kept for the suite (one profile:
   * the cache and the service worker are warm after the first load, as on a real kiosk).
   */
  async function openKiosk(path: string, viewport: { width: number; height: number }) {
    const context = await suite.sharedContext('kiosk', { viewport, reducedMotion: 'reduce' });
    const board = new BoardPage(context.pages()[0] ?? (await context.newPage()));
    await board.page.setViewportSize(viewport);
    await board.page.goto(new URL(path, suite.product.url).href);
    await board.live();
    await board.page.locator('app-kiosk').waitFor();
    return board;
  }

  /** Watches the screen until each of `expected` was whole and uncovered at some moment. */
  async function seenWithin(board: BoardPage, expected: number[], ms: number): Promise<number[]> {
    const seen = new Set<number>();
    const until = Date.now() + ms;
    while (Date.now() < until && expected.some((number) => !seen.has(number))) {
      for (const number of await board.fullyVisibleNumbers()) seen.add(number);
      await board.page.waitForTimeout(100);
    }
    return expected.filter((number) => !seen.has(number));
  }

  it.each(
    [0, 5, 30, 60].flatMap((count) =>
      SCREENS.map(({ name, viewport }) => [count, name, viewport] as const),
    ),
  )(
    '%i orders on a %s kiosk: each one whole on screen within a round of pages ≤ 30 s',
    async (count, name, viewport) => {
      const numbers = await upTo(count);
      const board = await openKiosk(`/?mode=kiosk&pageMs=${TEST_PAGE_MS}`, viewport);
      await board.page
        .locator('.count', { hasText: count === 1 ? '1 order' : `${count} orders` })
        .waitFor();

      if (count === 0) {
        await board.page.locator('.empty').waitFor();
      } else {
        const grid = board.grid;
        const pages = Number(await grid.getAttribute('data-pages'));
        const pageMs = Number(await grid.getAttribute('data-page-ms'));
        // The screen's own page time: ~8–10 s each, a whole round within 30 s.
        expect(pageMs).toBeGreaterThanOrEqual(5_000);
        expect(pageMs).toBeLessThanOrEqual(10_000);
        expect(pages * pageMs).toBeLessThanOrEqual(CYCLE_MS);
        if (pages > 1) {
          await board.page.locator('.page-of', { hasText: `of ${pages}` }).waitFor();
        }
        expect(await seenWithin(board, numbers, pages * TEST_PAGE_MS + 10_000)).toEqual([]);

        // Readable from across the room: at 1080 px the digits are ≥ 86 px (font size).
        const sizes = await board.page.evaluate(() => ({
          font: Math.min(
            ...[...document.querySelectorAll('li.tile .num')].map((n) =>
              parseFloat(getComputedStyle(n).fontSize),
            ),
          ),
          tile: document.querySelector('li.tile')!.getBoundingClientRect().height,
        }));
        expect(sizes.font).toBeGreaterThanOrEqual(86);
        tileHeights.set(`${name}-${count}`, sizes.tile);
        if (count === 30) {
          expect(tileHeights.get(`${name}-5`)).toBeGreaterThan(sizes.tile);
        }
      }
      // Nothing to press on a screen nobody touches (no chime asked for).
      expect(await board.page.locator('button, input').count()).toBe(0);
      const page = board.page;
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
        true,
      );
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(
        true,
      );
      expect(await board.headerOverlaps()).toEqual([]);
      if (count === 30) expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `kiosk-${name}-${count}-orders`);
    },
  );

  it.each([
    ['1280x720', { width: 1280, height: 720 }],
    ['3840x2160', { width: 3840, height: 2160 }],
  ] as const)(
    '60 orders at %s: each one whole on screen within a round of pages',
    async (name, viewport) => {
      const numbers = await upTo(60);
      const board = await openKiosk(`/?mode=kiosk&pageMs=${TEST_PAGE_MS}`, viewport);
      const pages = Number(await board.grid.getAttribute('data-pages'));
      expect(pages * Number(await board.grid.getAttribute('data-page-ms'))).toBeLessThanOrEqual(
        CYCLE_MS,
      );
      expect(await seenWithin(board, numbers, pages * TEST_PAGE_MS + 10_000)).toEqual([]);
      // 9 % of the short side at least: 65 px at 720p, 194 px at 4K.
      const font = await board.page.evaluate(() =>
        parseFloat(getComputedStyle(document.querySelector('li.tile .num')!).fontSize),
      );
      expect(font).toBeGreaterThanOrEqual(Math.floor(viewport.height * 0.09));
      await screenshot(board.page, `kiosk-${name}-60-orders`);
    },
  );

  it.each(SCREENS)(
    'shows a QR code that decodes to PUBLIC_URL exactly, the short address, a clock ($name)',
    async ({ name, viewport }) => {
      const board = await openKiosk('/?mode=kiosk', viewport);
      const qr = board.page.locator('app-qr-code svg');
      await qr.waitFor();
      const png = PNG.sync.read(await qr.screenshot());
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(PUBLIC_URL);
      expect(png.width).toBeGreaterThanOrEqual(200);
      expect(await board.page.locator('.address').textContent()).toBe('orders.cafe.example.org');
      expect(await board.page.locator('time.clock').textContent()).toMatch(/^\d{2}:\d{2}$/);
      await screenshot(board.page, `kiosk-${name}-qr`);
    },
  );

  it('shows the latest calls big in "Now serving"', async () => {
    await upTo(60);
    const board = await openKiosk('/?mode=kiosk', SCREENS[0].viewport);
    await suite.product.sendOrder(NUMBERS[3]); // called again
    await suite.product.sendOrder(999);
    const serving = board.page.locator('.serving-num');
    await board.page.locator('.serving-num[data-serving="999"]').waitFor();
    expect((await serving.allTextContents()).map(Number).slice(0, 2)).toEqual([999, NUMBERS[3]]);
    const size = await serving.first().evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    expect(size).toBeGreaterThanOrEqual(100);
  });

  it('with &chime=on and sound allowed: no prompt, the chime is on', async () => {
    const context = await suite.newContext({ viewport: SCREENS[0].viewport });
    const chime = await watchChime(context, 'allows');
    const page = await context.newPage();
    await page.goto(new URL('/?mode=kiosk&chime=on', suite.product.url).href);
    expect(await chime.settled).toBe('on');
    expect(await page.locator('.chime-prompt').count()).toBe(0);
  });

  it('with &chime=on where the browser blocks sound: "tap to enable", gone after the tap', async () => {
    const context = await suite.newContext({ viewport: SCREENS[0].viewport });
    const chime = await watchChime(context, 'blocks');
    const page = await context.newPage();
    await page.goto(new URL('/?mode=kiosk&chime=on', suite.product.url).href);
    expect(await chime.settled).toBe('blocked');
    const prompt = page.getByRole('button', { name: 'Tap to enable the chime' });
    await prompt.waitFor({ timeout: 20_000 });
    await screenshot(page, 'kiosk-1920x1080-chime-prompt');
    await prompt.click();
    await prompt.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.locator('app-kiosk').getAttribute('data-chime')).toBe('on');
  });
});

/**
 * Gives the context's pages a browser autoplay policy that `allows` sound at once or `blocks` it
 * until a tap (the page reads `AudioContext.state`, which says "suspended" until a resume() inside
 * a tap). `settled` resolves to the kiosk's `data-chime` once its sound check settled (`on` or
 * `blocked`), or rejects after 60 s (a fresh profile on a loaded machine may take long).
 *
 * The page reports the settled state itself, through a binding: the test must not query the page
 * before then, because every Playwright evaluation (locators, waitForFunction) runs as a user
 * gesture and so would itself unlock sound for a few seconds.
 */
async function watchChime(
  context: BrowserContext,
  policy: 'allows' | 'blocks',
): Promise<{ settled: Promise<string> }> {
  let report!: (state: string) => void;
  const reported = new Promise<string>((resolve) => (report = resolve));
  await context.exposeBinding('__hubbleChimeSettled', (_source, state: string) => report(state));
  await context.addInitScript((allows: boolean) => {
    const unlocked = new WeakSet<BaseAudioContext>();
    const realState = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state')!.get!;
    Object.defineProperty(BaseAudioContext.prototype, 'state', {
      configurable: true,
      get(this: BaseAudioContext) {
        if (allows) return 'running';
        return unlocked.has(this) ? (realState.call(this) as AudioContextState) : 'suspended';
      },
    });
    const realResume = AudioContext.prototype.resume;
    AudioContext.prototype.resume = function (this: AudioContext) {
      if (!allows && !navigator.userActivation.isActive) return Promise.resolve();
      unlocked.add(this);
      return realResume.call(this);
    };
    const watch = setInterval(() => {
      const state = document.querySelector('app-kiosk')?.getAttribute('data-chime');
      if (state !== 'on' && state !== 'blocked') return;
      clearInterval(watch);
      (window as unknown as { __hubbleChimeSettled(state: string): void }).__hubbleChimeSettled(
        state,
      );
    }, 100);
  }, policy === 'allows');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error('The kiosk did not settle its sound check within 60 s')),
      60_000,
    );
  });
  const settled = Promise.race([reported, timeout]).finally(() => clearTimeout(timer));
  settled.catch(() => undefined); // rejects for whoever awaits it, not as an unhandled rejection
  return { settled };
}
