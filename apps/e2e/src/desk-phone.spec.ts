import type { BrowserContextOptions, Page } from 'playwright-core';
import { ADMIN_ROUTES } from '@hubble/contracts';
import { axeViolations, screenshot } from '../support/browser';
import { DeskPage } from '../support/desk-page';
import { browserSuite } from '../support/suite';

const TOKEN = 'e2e-desk-phone-token-0123456789';
/** From the till, newest last: the desk lists 208 first. */
const ORDERS = [201, 202, 203, 204, 205, 206, 207, 208];

type TextSize = '100' | 'zoom-200' | 'root-200';

/** The layout's promises, measured in the page: each entry is a broken one. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = (element: Element) => element.getClientRects().length > 0;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    const width = document.documentElement.scrollWidth;
    if (width > innerWidth) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => shown(element) && element.getBoundingClientRect().right > innerWidth)
        .slice(-3)
        .map(describe);
      problems.push(`page is ${width} px wide in ${innerWidth} px: ${wide.join(', ')}`);
    }
    const parts = [
      ...document.querySelectorAll(
        'app-desk .bar .brand, app-desk .bar .status, app-desk .bar .screen-state, app-desk .bar .device, app-desk .bar .nav, app-desk .bar .switch, app-desk .bar .logout',
      ),
    ].filter(shown);
    for (const [i, a] of parts.entries()) {
      for (const b of parts.slice(i + 1)) {
        const r = a.getBoundingClientRect();
        const s = b.getBoundingClientRect();
        const overlap =
          Math.min(r.right, s.right) - Math.max(r.left, s.left) > 0.5 &&
          Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 0.5;
        if (overlap) problems.push(`${describe(a)} overlaps ${describe(b)}`);
      }
    }
    for (const button of document.querySelectorAll('app-desk button, app-desk a')) {
      if (!shown(button) || button.closest('dialog:not([open])')) continue;
      if (button.scrollWidth > button.clientWidth) {
        problems.push(`${describe(button)} clipped: ${button.scrollWidth} > ${button.clientWidth}`);
      }
    }
    return problems;
  });
}

describe('the back-office on a phone and at 200 % text', () => {
  const suite = browserSuite({ ADMIN_TOKEN: TOKEN });
  /** A signed-in profile's cookies, made once (the login screen is tested below). */
  let signedIn: BrowserContextOptions['storageState'];

  beforeAll(async () => {
    for (const number of ORDERS) await suite.product.sendOrder(number);
    const context = await suite.newContext();
    const desk = new DeskPage(await context.newPage(), suite.product.url);
    await desk.open();
    await desk.logIn(TOKEN);
    await desk.live();
    signedIn = await context.storageState();
  });

  async function openDesk(options: BrowserContextOptions = {}): Promise<DeskPage> {
    const context = await suite.newContext({ viewport: { width: 360, height: 640 }, ...options });
    const desk = new DeskPage(await context.newPage(), suite.product.url);
    await desk.open();
    return desk;
  }

  /**
   * A signed-in desk on a 360×640 phone, loaded afresh in one page kept for the tests that
   * need no fresh profile (the session and the language stay as signed in: English).
   */
  async function openSignedInPhone(): Promise<DeskPage> {
    const context = await suite.sharedContext('signed-in-phone', {
      viewport: { width: 360, height: 640 },
      storageState: signedIn,
    });
    const desk = new DeskPage(context.pages()[0] ?? (await context.newPage()), suite.product.url);
    await desk.open();
    return desk;
  }

  const viewports = [
    { width: 320, height: 640 },
    { width: 360, height: 640 },
    { width: 412, height: 915 },
  ];
  const sizes: TextSize[] = ['100', 'zoom-200', 'root-200'];

  it.each(viewports.flatMap((viewport) => sizes.map((size) => [viewport, size] as const)))(
    'at %o with text %s, in English and Dutch: no sideways scroll, overlap, clipping or violations',
    async (viewport, size) => {
      // Browser zoom: the CSS viewport shrinks and each CSS pixel takes two device pixels.
      const zoom = size === 'zoom-200' ? 2 : 1;
      const cssViewport = {
        width: viewport.width / zoom,
        height: Math.round(viewport.height / zoom),
      };
      // One signed-in profile and page per device pixel ratio (the root font size is set in the
      // page); each cell loads the desk afresh at its size.
      const context = await suite.sharedContext(`desk-zoom-${zoom}`, {
        viewport: cssViewport,
        deviceScaleFactor: zoom,
        storageState: signedIn,
      });
      const desk = new DeskPage(context.pages()[0] ?? (await context.newPage()), suite.product.url);
      await desk.page.setViewportSize(cssViewport);
      await desk.open();
      await desk.live();
      // Android's font scale: a larger root font size (the layout is measured in rem).
      if (size === 'root-200') {
        await desk.page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      }
      // The profile remembers the last cell's language: the tile by its number, not its name.
      await desk.page.locator('app-order-list [data-order="208"]').waitFor();
      for (const lang of ['en', 'nl'] as const) {
        await desk.page.locator(`hubble-language-switch button[lang="${lang}"]`).click();
        await desk.page.waitForFunction((l) => document.documentElement.lang === l, lang);
        expect(await layoutProblems(desk.page)).toEqual([]);
        expect(await axeViolations(desk.page)).toEqual([]);
        await screenshot(
          desk.page,
          `desk-phone-${viewport.width}x${viewport.height}-${size}-${lang}`,
        );
      }
    },
  );

  it.each(['en', 'nl'] as const)(
    'the login screen and insights at 320 px, 200 %% zoom (%s): no sideways scroll',
    async (lang) => {
      const desk = await openDesk({
        viewport: { width: 160, height: 320 },
        deviceScaleFactor: 2,
        locale: lang === 'nl' ? 'nl-NL' : 'en-US',
      });
      await desk.loginScreen();
      const width = () => desk.page.evaluate(() => document.documentElement.scrollWidth);
      expect(await width()).toBeLessThanOrEqual(160);
      expect(await axeViolations(desk.page)).toEqual([]);
      await desk.logIn(TOKEN);
      await desk.live();
      await desk.page.goto(`${desk.url}#insights`);
      await desk.page.locator('app-insights [data-testid="figures"]').waitFor();
      expect(await width()).toBeLessThanOrEqual(160);
      await screenshot(desk.page, `insights-phone-320x640-zoom-200-${lang}`);
    },
  );

  it('on a 360×640 phone: after login the focus is in the number field; the first order is in view; Aurora off said once', async () => {
    const desk = await openDesk();
    await desk.loginScreen();
    await desk.logIn(TOKEN);
    await desk.live();
    await desk.order(208).waitFor();
    await desk.page.waitForFunction(() => document.activeElement?.id === 'order-number');

    const first = await desk.order(208).boundingBox();
    expect(first).not.toBeNull();
    expect(first!.y).toBeGreaterThanOrEqual(0);
    expect(first!.y + first!.height).toBeLessThanOrEqual(640);
    expect(await desk.page.evaluate(() => scrollY)).toBe(0);

    // Sync with Aurora is off in this product: one note, no badge on any tile.
    expect(await desk.page.getByText('The poster screens (Aurora) are not linked.').count()).toBe(
      1,
    );
    expect(await desk.page.getByText('Aurora off').count()).toBe(0);
    await screenshot(desk.page, 'desk-phone-360x640-signed-in');
  });

  it('a removal moves the focus to the next order, and the undo bar covers no order', async () => {
    const desk = await openSignedInPhone();
    await desk.live();
    await desk.order(208).waitFor();
    const numbers = await desk.numbers();
    expect(numbers.slice(0, 2)).toEqual([208, 207]);

    await desk.order(208).click();
    await desk.snackbar.filter({ hasText: 'Order 208 removed.' }).waitFor();
    await desk.page.waitForFunction(
      () => (document.activeElement as HTMLElement | null)?.dataset['order'] === '207',
    );

    // The last order scrolled into view (bottom edge first) is itself at its centre, not the bar.
    const last = numbers.at(-1)!;
    const onTop = await desk.order(last).evaluate((tile) => {
      tile.scrollIntoView({ block: 'end' });
      const box = tile.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit === tile || tile.contains(hit);
    });
    expect(onTop).toBe(true);
    // Scrolled to the very end, the last order ends above the bar.
    const gap = await desk.page.evaluate((number) => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const tile = document.querySelector(`[data-order="${number}"]`)!.getBoundingClientRect();
      const bar = document.querySelector('app-undo-snackbar .bar')!.getBoundingClientRect();
      return bar.top - tile.bottom;
    }, last);
    expect(gap).toBeGreaterThanOrEqual(0);

    await desk.undo.click();
    await desk.order(208).waitFor();
    expect(await desk.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });

  it('logging out asks first; cancel keeps the session', async () => {
    const desk = await openSignedInPhone();
    await desk.live();
    await desk.logOutButton.click();
    await desk.logOutDialog.waitFor();
    expect(await axeViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'desk-phone-360x640-logout');
    await desk.logOutDialog.getByRole('button', { name: 'Cancel' }).click();
    await desk.logOutDialog.waitFor({ state: 'hidden' });
    expect(await desk.page.locator('app-desk').count()).toBe(1);
    const session = await desk.page.request.get(`${suite.product.url}${ADMIN_ROUTES.session}`);
    expect(session.status()).toBe(200);
  });

  it('without a connection the banner and the desk agree: nothing is claimed to work', async () => {
    const desk = await openSignedInPhone();
    await desk.live();
    await desk.order(208).waitFor();
    await desk.page.context().setOffline(true);
    const banner = desk.page.locator('app-desk .banner[role="alert"]');
    await banner.filter({ hasText: 'changes cannot be saved right now' }).waitFor();
    expect(await banner.textContent()).not.toMatch(/still work/);

    // The orders cannot be tapped away (no "removed · Undo" for a change that cannot happen);
    // Add says why it does nothing.
    expect(await desk.order(208).getAttribute('aria-disabled')).toBe('true');
    await desk.order(208).click({ force: true });
    await desk.page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await desk.numbers()).toContain(208);
    expect(await desk.snackbar.count()).toBe(0);
    await desk.tap(9);
    expect(await desk.addButton.getAttribute('aria-disabled')).toBe('true');
    await desk.addButton.click({ force: true });
    await desk.feedback
      .filter({ hasText: 'Not connected: nothing can be added right now.' })
      .waitFor();
    expect(await axeViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'desk-phone-360x640-offline');

    await desk.page.context().setOffline(false);
    await desk.live();
    await banner.waitFor({ state: 'detached' });
  });
});
