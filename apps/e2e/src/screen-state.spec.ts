import type { Page } from 'playwright-core';
import { axeViolations, screenshot } from '../support/browser';
import { BoardPage } from '../support/board-page';
import { browserSuite } from '../support/suite';

const SENT = [12, 850, 42];
const LANGS = ['nl', 'en'] as const;
const SCREENS = [
  { name: 'board-360x640', path: '/', viewport: { width: 360, height: 640 } },
  { name: 'kiosk-1920x1080', path: '/?mode=kiosk', viewport: { width: 1920, height: 1080 } },
] as const;

const TEXT = {
  'last-call': { nl: 'Laatste ronde!', en: 'Last call!' },
  closed: { nl: 'De keuken is gesloten', en: 'The kitchen is closed' },
} as const;

interface OpenScreen {
  name: string;
  lang: (typeof LANGS)[number];
  board: BoardPage;
}

/** Records navigator.vibrate calls (headless Chromium has no vibration motor to ask). */
async function recordVibrations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { vibrations: unknown[] }).vibrations = calls;
    navigator.vibrate = ((pattern: unknown) => {
      calls.push(pattern);
      return true;
    }) as Navigator['vibrate'];
  });
}

describe('the café state on the phone board and the kiosk', () => {
  const suite = browserSuite();
  const screens: OpenScreen[] = [];

  beforeAll(async () => {
    for (const number of SENT) await suite.product.sendOrder(number);
  });

  /** One page per screen and language, opened once: each state change reaches all of them. */
  async function openAll(): Promise<OpenScreen[]> {
    if (screens.length > 0) return screens;
    for (const screen of SCREENS) {
      for (const lang of LANGS) {
        // A profile kept for the describe; its CSP violations fail the test they happen in.
        const context = await suite.sharedContext(`${screen.name}-${lang}`, {
          viewport: screen.viewport,
          locale: lang === 'nl' ? 'nl-NL' : 'en-US',
        });
        const page = await context.newPage();
        await recordVibrations(page);
        const separator = screen.path.includes('?') ? '&' : '?';
        await page.goto(new URL(`${screen.path}${separator}lang=${lang}`, suite.product.url).href);
        const board = new BoardPage(page);
        await board.live();
        screens.push({ name: `${screen.name}-${lang}`, lang, board });
      }
    }
    return screens;
  }

  it.each(['last-call', 'closed'] as const)(
    '%s: a banner in every language that hides no order, no violations',
    async (state) => {
      const open = await openAll();
      await suite.product.sendScreenState(state);
      for (const { name, lang, board } of open) {
        const banner = board.page.locator('.state-banner[role="status"]');
        await banner.filter({ hasText: TEXT[state][lang] }).waitFor({ timeout: 5000 });
        expect((await board.numbers()).sort()).toEqual([...SENT].sort());
        // No tile lies under the banner, and every tile is visible.
        const hidden = await board.page.evaluate(() => {
          const banner = document.querySelector('.state-banner')!.getBoundingClientRect();
          return [...document.querySelectorAll('li.tile')]
            .map((tile) => tile.getBoundingClientRect())
            .filter(
              (tile) => tile.width === 0 || (tile.top < banner.bottom && banner.top < tile.bottom),
            ).length;
        });
        expect(hidden).toBe(0);
        expect(await board.page.locator('app-evacuation-alert').count()).toBe(0);
        expect([name, await axeViolations(board.page)]).toEqual([name, []]);
        await screenshot(board.page, `${name}-${state}`);
      }
    },
  );

  it('evacuation: a red alert over the whole screen, in Dutch and English, announced, vibrating', async () => {
    const open = await openAll();
    // The pictogram's pulse would hold up the checks below, which wait for animations to end.
    await Promise.all(
      open.map(({ board }) => board.page.emulateMedia({ reducedMotion: 'reduce' })),
    );
    await suite.product.sendScreenState('evacuation');
    for (const { name, lang, board } of open) {
      const { page } = board;
      const alert = page.locator('app-evacuation-alert [role="alert"]');
      await alert.waitFor({ timeout: 5000 });
      expect(await alert.getAttribute('aria-live')).toBe('assertive');
      // Both languages, the board's own first.
      const headings = await alert.locator('h2').allTextContents();
      expect(headings).toEqual(
        lang === 'nl' ? ['Nu evacueren', 'Evacuate now'] : ['Evacuate now', 'Nu evacueren'],
      );
      expect(await alert.locator('[lang="nl"]').textContent()).toContain('Verlaat het gebouw');
      expect(await alert.locator('[lang="en"]').textContent()).toContain('Leave the building');
      expect(await alert.locator('svg.pictogram').count()).toBe(1);

      const cover = await page.evaluate(() => {
        const box = document.querySelector('.evacuation')!.getBoundingClientRect();
        const style = getComputedStyle(document.querySelector('.evacuation')!);
        // What is on top at the corners and the centre is the alert.
        const points = [
          [1, 1],
          [innerWidth - 2, 1],
          [1, innerHeight - 2],
          [innerWidth - 2, innerHeight - 2],
          [innerWidth / 2, innerHeight / 2],
        ];
        return {
          box: [box.left, box.top, box.width, box.height],
          viewport: [0, 0, innerWidth, innerHeight],
          onTop: points.every(([x, y]) =>
            document.elementFromPoint(x, y)?.closest('app-evacuation-alert'),
          ),
          background: style.backgroundColor,
          behindIsInert: document.querySelector('main')!.inert,
          focusInside: document.activeElement?.closest('app-evacuation-alert') !== null,
        };
      });
      expect(cover.box).toEqual(cover.viewport);
      expect(cover).toMatchObject({
        onTop: true,
        background: 'rgb(168, 0, 26)',
        behindIsInert: true,
        focusInside: true,
      });
      const vibrations = await page.evaluate(
        () => (window as unknown as { vibrations: unknown[] }).vibrations.length,
      );
      expect(vibrations).toBeGreaterThan(0);

      // Not dismissed by accident: Escape, taps and scrolling leave it standing.
      await page.keyboard.press('Escape');
      await page.mouse.click(cover.viewport[2] / 2, cover.viewport[3] / 2);
      await page.mouse.wheel(0, 800);
      expect(await alert.isVisible()).toBe(true);

      expect([name, await axeViolations(page)]).toEqual([name, []]);
      await screenshot(page, `${name}-evacuation`);
    }
  });

  it('back to open restores every board: no alert, no banner, the same orders', async () => {
    const open = await openAll();
    await suite.product.sendScreenState('open');
    for (const { name, board } of open) {
      await board.page.locator('app-evacuation-alert').waitFor({ state: 'detached' });
      expect(await board.page.locator('.state-banner').count()).toBe(0);
      expect(await board.page.evaluate(() => document.querySelector('main')!.inert)).toBe(false);
      expect((await board.numbers()).sort()).toEqual([...SENT].sort());
      expect([name, await axeViolations(board.page)]).toEqual([name, []]);
      await screenshot(board.page, `${name}-open`);
    }
  });

  it('a board opened during an evacuation shows it at once, and after a reload', async () => {
    await suite.product.sendScreenState('evacuation');
    const board = await suite.openBoard('/?lang=en');
    await board.page.locator('app-evacuation-alert [role="alert"]').waitFor();
    await board.page.reload();
    await board.page.locator('app-evacuation-alert [role="alert"]').waitFor();
    await suite.product.sendScreenState('open');
    await board.page.locator('app-evacuation-alert').waitFor({ state: 'detached' });
  });
});
