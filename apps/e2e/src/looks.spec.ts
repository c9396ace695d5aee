import { axeViolations, screenshot } from '../support/browser';
import { BoardPage } from '../support/board-page';
import { browserSuite } from '../support/suite';
import { waitUntil } from '../../api/test/support/wait-until';

// Sent in this order; the board shows them by number, the followed one (42) pinned on top.
const SENT = [12, 850, 7, 1234, 305, 42, 99];
const SHOWN_FOLLOWING_42 = [42, 7, 12, 99, 305, 850, 1234];

describe('how the board looks: phone, kiosk, languages, accessibility', () => {
  const suite = browserSuite();
  const open = (path: string, options?: Parameters<typeof suite.openBoard>[1]) =>
    suite.openBoard(path, options);

  /**
   * For the checks that need no fresh profile (nothing followed, no language chosen): `path`
   * loaded afresh in one page kept for the suite, at this size, scheme and motion preference.
   */
  async function openAgain(
    path: string,
    {
      viewport = { width: 360, height: 640 },
      colorScheme = 'light',
      reducedMotion = 'no-preference',
    }: {
      viewport?: { width: number; height: number };
      colorScheme?: 'light' | 'dark';
      reducedMotion?: 'reduce' | 'no-preference';
    } = {},
  ): Promise<BoardPage> {
    const context = await suite.sharedContext('looks');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme, reducedMotion });
    await page.goto(new URL(path, suite.product.url).href);
    const board = new BoardPage(page);
    await board.live();
    return board;
  }

  beforeAll(async () => {
    for (const number of SENT) await suite.product.sendOrder(number);
  });

  it.each(['light', 'dark'] as const)(
    'on a 360×640 phone (%s): numbers in four columns, by number, no violations',
    async (colorScheme) => {
      const board = await open('/', { colorScheme });
      await board.follow(42);
      expect(await board.numbers()).toEqual(SHOWN_FOLLOWING_42);

      const layout = await board.page.evaluate(() => {
        const tiles = [...document.querySelectorAll('li.tile:not(.is-mine)')];
        const firstTop = tiles[0].getBoundingClientRect().top;
        return {
          smallestNumber: Math.min(
            ...[...document.querySelectorAll('li.tile .num')].map(
              (n) => n.getBoundingClientRect().height,
            ),
          ),
          columns: tiles.filter((t) => t.getBoundingClientRect().top === firstTop).length,
          pageWidth: document.documentElement.scrollWidth,
          background: getComputedStyle(document.body).backgroundColor,
        };
      });
      // Denser than before (a dozen above the fold), still large: 22 px for four digits.
      expect(layout.smallestNumber).toBeGreaterThanOrEqual(22);
      expect(layout.columns).toBeGreaterThanOrEqual(4);
      expect(layout.pageWidth).toBeLessThanOrEqual(360);
      expect(await board.headerOverlaps()).toEqual([]);
      // The system's scheme is followed: a light page is light, a dark one dark.
      const [r, g, b] = layout.background.match(/\d+/g)!.map(Number);
      expect((r + g + b) / 3 > 128).toBe(colorScheme === 'light');

      expect(await axeViolations(board.page)).toEqual([]);
      await screenshot(board.page, `board-360x640-${colorScheme}`);
    },
  );

  it.each(['dark', 'light'] as const)(
    'as a 1920×1080 kiosk (%s): a big grid without input that fits the screen, no violations',
    async (colorScheme) => {
      const board = await openAgain('/?mode=kiosk', {
        colorScheme,
        viewport: { width: 1920, height: 1080 },
      });
      // Live means the snapshot is in; the kiosk lays its tiles out for the screen a frame later.
      await waitUntil(
        async () => (await board.numbers()).length === SENT.length,
        5000,
        'the kiosk tiles',
      );
      expect(await board.numbers()).toEqual([...SENT].sort((a, b) => a - b));
      expect(await board.page.locator('input, hubble-language-switch').count()).toBe(0);
      const layout = await board.page.evaluate(() => ({
        smallestNumber: Math.min(
          ...[...document.querySelectorAll('li.tile .num')].map(
            (n) => n.getBoundingClientRect().height,
          ),
        ),
        overflows: document.documentElement.scrollHeight > innerHeight,
      }));
      expect(layout.smallestNumber).toBeGreaterThanOrEqual(96);
      expect(layout.overflows).toBe(false);

      expect(await axeViolations(board.page)).toEqual([]);
      await screenshot(board.page, `kiosk-1920x1080-${colorScheme}`);
    },
  );

  it('speaks Dutch to a Dutch browser, switches to English, and remembers it', async () => {
    const board = await open('/', { locale: 'nl-NL' });
    expect(await board.heading.textContent()).toContain('Klaar om op te halen');
    expect(await board.page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await board.headerOverlaps()).toEqual([]);
    expect(await axeViolations(board.page)).toEqual([]);

    await board.page.getByRole('button', { name: 'EN English' }).click();
    await board.page.getByRole('heading', { level: 1, name: 'Ready for pickup' }).waitFor();
    await board.page.reload();
    await board.live();
    expect(await board.heading.textContent()).toContain('Ready for pickup');
    expect(await board.page.locator('html').getAttribute('lang')).toBe('en');
  });

  it.each([
    ['no-preference', true],
    ['reduce', false],
  ] as const)(
    'animates a new order; with reduced motion (%s) without movement',
    async (reducedMotion, moves) => {
      const board = await openAgain('/', { reducedMotion });
      const number = reducedMotion === 'reduce' ? 501 : 500;
      await suite.product.sendOrder(number);
      await board.tile(number).waitFor();
      const animations = await board
        .tile(number)
        .evaluate((tile) => tile.getAnimations().map((a) => (a as CSSAnimation).animationName));
      expect(animations.some((name) => /ring-[ab]$/.test(name))).toBe(true);
      expect(animations.some((name) => /pop-[ab]$/.test(name))).toBe(moves);
    },
  );

  it('shows where the keyboard focus is', async () => {
    const board = await openAgain('/');
    await board.page.keyboard.press('Tab');
    await board.page.keyboard.press('Tab');
    await board.page.keyboard.press('Tab');
    const focused = await board.page.evaluate(() => {
      const element = document.activeElement!;
      const style = getComputedStyle(element);
      return { id: element.id, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    expect(focused).toEqual({ id: 'follow-order-number', outline: 'solid 3px' });
  });
});
