import type { BrowserContextOptions } from 'playwright-core';
import { axeViolations, screenshot } from '../support/browser';
import { BoardPage } from '../support/board-page';
import { browserSuite } from '../support/suite';

const SCREENS = [
  { name: 'board', path: '/' },
  { name: 'kiosk', path: '/?mode=kiosk' },
] as const;
const SIZES = [
  { width: 320, height: 640 },
  { width: 360, height: 640 },
  { width: 412, height: 915 },
] as const;
/**
 * 200 % text two ways: browser zoom (the page is laid out in half the CSS pixels, drawn twice as
 * big) and a root font size of 200 % (what Android's font scale does to rem-sized text).
 */
const TEXT = ['100', 'zoom-200', 'font-200'] as const;
const LANGS = ['en', 'nl'] as const;
/** A dozen orders, up to four digits. */
const SENT = [3, 12, 27, 45, 88, 101, 230, 305, 512, 777, 850, 1234];

/** The CSS viewport of a size at a text setting (browser zoom halves it). */
function viewportFor(size: (typeof SIZES)[number], text: (typeof TEXT)[number]) {
  return text === 'zoom-200'
    ? { width: Math.round(size.width / 2), height: Math.round(size.height / 2) }
    : { width: size.width, height: size.height };
}

/** A profile per text setting: its screens, sizes and languages are loaded one after another. */
function contextFor(text: (typeof TEXT)[number]): BrowserContextOptions {
  return {
    viewport: viewportFor(SIZES[0], text),
    deviceScaleFactor: text === 'zoom-200' ? 2 : 1,
    reducedMotion: 'reduce',
  };
}

describe('the board and the kiosk from 320 px, at 100 % and 200 % text, in both languages', () => {
  const suite = browserSuite({ ORDER_TIMEOUT_SECONDS: '3600' });

  beforeAll(async () => {
    await suite.product.sendOrders(SENT);
  });

  it.each(
    SCREENS.flatMap((screen) =>
      SIZES.flatMap((size) =>
        TEXT.map(
          (text) => [screen.name, `${size.width}x${size.height}`, text, screen, size] as const,
        ),
      ),
    ),
  )(
    '%s at %s, text %s: no sideways scroll, no collisions, no clipped buttons, no violations',
    async (name, sizeName, text, screen, size) => {
      // One profile and page per text setting, for the board and the kiosk (one origin); each
      // cell still loads the page afresh at its size (never a resize of another cell's layout).
      const context = await suite.sharedContext(`sizes-${text}`, contextFor(text), async (made) => {
        if (text === 'font-200') {
          // Before the app starts (the kiosk sizes its tiles in rem too), on every page load.
          await made.addInitScript(() => {
            const larger = () => document.documentElement.style.setProperty('font-size', '200%');
            if (document.documentElement) larger();
            else document.addEventListener('readystatechange', larger, { once: true });
          });
        }
      });
      const board = new BoardPage(context.pages()[0] ?? (await context.newPage()));
      await board.page.setViewportSize(viewportFor(size, text));
      for (const lang of LANGS) {
        const separator = screen.path.includes('?') ? '&' : '?';
        await board.page.goto(
          new URL(`${screen.path}${separator}lang=${lang}`, suite.product.url).href,
        );
        await board.live();
        await board.page.locator('li.tile').first().waitFor();
        const layout = await board.page.evaluate(() => ({
          pageWidth: document.documentElement.scrollWidth,
          viewport: innerWidth,
          // What sticks out on the right, to name in a failure.
          tooWide: [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
            .slice(0, 4)
            .map(
              (element) =>
                `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`,
            ),
          clippedButtons: [...document.querySelectorAll('button')]
            .filter((button) => {
              const box = button.getBoundingClientRect();
              return (
                button.scrollWidth > button.clientWidth ||
                button.scrollHeight > button.clientHeight ||
                box.left < 0 ||
                box.right > innerWidth
              );
            })
            .map((button) => button.textContent?.trim()),
        }));
        const label = `${name}-${sizeName}-${text}-${lang}`;
        expect([label, layout.pageWidth <= layout.viewport, layout.tooWide]).toEqual([
          label,
          true,
          [],
        ]);
        expect([label, layout.clippedButtons]).toEqual([label, []]);
        expect([label, await board.headerOverlaps()]).toEqual([label, []]);
        expect([label, await axeViolations(board.page)]).toEqual([label, []]);
        if (name === 'board' && text === '100' && size.width === 360) {
          // Not following: a dozen numbers whole above the fold, smallest first.
          expect(await board.numbers()).toEqual(SENT);
          expect((await board.fullyVisibleNumbers()).length).toBeGreaterThanOrEqual(12);
        }
        await screenshot(board.page, `sizes-${label}`);
      }
    },
  );

  it('40 orders on a 360×640 phone: in number order, all within one scroll', async () => {
    const more = Array.from({ length: 28 }, (_, i) => 1000 + i * 7);
    await suite.product.sendOrders(more);
    const board = await suite.openBoard('/', { viewport: { width: 360, height: 640 } });
    await board.tile(more.at(-1)!).waitFor();
    const numbers = await board.numbers();
    expect(numbers).toHaveLength(40);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // The page is at most two screens: one scroll shows the rest.
    const height = await board.page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(2 * 640);
    await screenshot(board.page, 'sizes-board-360x640-40-orders');
  });
});
