import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { ADMIN_ROUTES, type OrderDto } from '@hubble/contracts';
import { AuroraStandIn } from '../../../tools/aurora-stand-in/aurora-stand-in';
import { axeViolations, screenshot } from '../support/browser';
import { DeskPage } from '../support/desk-page';
import { browserSuite } from '../support/suite';

const TOKEN = 'e2e-staff-token-0123456789';
const AURORA_KEY = 'e2e-aurora-key';
// A change on the desk is pushed to the boards at once (the benchmark measures how fast); this
// bound of seconds only catches one that waits for a poll or a reload, on a loaded machine.
const BOUND_MS = 5000;

/**
 * Waits until `locator` shows `text`: the view updates just after the event (a bound of seconds
 * for a loaded machine).
 */
async function shows(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor({ timeout: 5000 });
}

/**
 * Waits until the highlights of new orders and the snackbar's timer are over: they end by being
 * removed, which the shared `settle` (it awaits every animation) would take for a failure.
 */
async function quiet(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.allSettled(document.getAnimations().map((animation) => animation.finished)),
  );
}

describe('the staff back-office', () => {
  // The Aurora stand-in starts first, so the product can be pointed at it.
  let standIn: AuroraStandIn;
  const env: Record<string, string> = { ADMIN_TOKEN: TOKEN, AURORA_API_KEY: AURORA_KEY };
  beforeAll(async () => {
    standIn = await AuroraStandIn.start({ apiKey: AURORA_KEY });
    env['AURORA_URL'] = standIn.url;
  });
  const suite = browserSuite(env);
  afterAll(async () => {
    await standIn?.down();
  });

  /** A fresh browser profile, phone-sized (360×740) unless told otherwise. */
  function context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    return suite.newContext({ viewport: { width: 360, height: 740 }, ...options });
  }

  async function openDesk(options: BrowserContextOptions = {}): Promise<DeskPage> {
    const desk = new DeskPage(await (await context(options)).newPage(), suite.product.url);
    await desk.open();
    return desk;
  }

  /** A desk logged in with the token, its feed live. */
  async function loggedInDesk(options: BrowserContextOptions = {}): Promise<DeskPage> {
    const desk = await openDesk(options);
    await desk.loginScreen();
    await desk.logIn(TOKEN);
    await desk.live();
    return desk;
  }

  /** The session API as seen with this page's cookies. */
  async function sessionStatus(page: Page): Promise<number> {
    const response = await page.request.get(`${suite.product.url}${ADMIN_ROUTES.session}`);
    return response.status();
  }

  it('without a session: the login screen, and the API answers 401', async () => {
    const desk = await openDesk();
    await desk.loginScreen();
    await shows(desk.heading, 'Staff login');
    expect(await desk.page.locator('app-desk').count()).toBe(0);
    expect(await sessionStatus(desk.page)).toBe(401);
    const snapshot = await desk.page.request.get(`${suite.product.url}${ADMIN_ROUTES.desk}`);
    expect(snapshot.status()).toBe(401);
    expect(await axeViolations(desk.page)).toEqual([]);
  });

  it('refuses a wrong token and says so', async () => {
    const desk = await openDesk();
    await desk.loginScreen();
    await desk.logIn('not-the-staff-token');
    await desk.loginError.waitFor();
    await shows(desk.loginError, 'That token is not right.');
    expect(await desk.tokenField.getAttribute('aria-invalid')).toBe('true');
    expect(await sessionStatus(desk.page)).toBe(401);
  });

  it('logs in with the token; logout ends access (reload shows login, the API says 401)', async () => {
    const desk = await loggedInDesk();
    expect(await sessionStatus(desk.page)).toBe(200);
    // The session is a cookie: a reload stays logged in.
    await desk.page.reload();
    await desk.live();

    await desk.logOut();
    await desk.loginScreen();
    await shows(desk.loginNotice, 'You are logged out.');
    expect(await sessionStatus(desk.page)).toBe(401);
    await desk.page.reload();
    await desk.loginScreen();
    expect(await desk.page.locator('app-desk').count()).toBe(0);
  });

  it('logging out in one tab sends the other tab of that device to the login screen', async () => {
    const desk = await loggedInDesk();
    const other = new DeskPage(await desk.page.context().newPage(), suite.product.url);
    await other.open();
    await other.live();
    await desk.logOut();
    await other.loginScreen();
    await shows(other.loginNotice, 'Your session has ended.');
  });

  it('refuses a cross-site request made with the staff member’s browser', async () => {
    const board = await suite.openBoard();
    const desk = await loggedInDesk();
    await desk.tap(555);
    await desk.addButton.click();
    await board.tile(555).waitFor();
    await desk.order(555).click();
    await board.tile(555).waitFor({ state: 'detached' });

    // Another site (127.0.0.1 is not the same site as localhost) opened in the same browser,
    // with a page of its own (not under our CSP), tries to put the order back: a simple POST,
    // which browsers send without asking.
    const attacker = await desk.page.context().newPage();
    const elsewhere = `${suite.product.url.replace('localhost', '127.0.0.1')}/elsewhere`;
    await attacker.route(elsewhere, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }),
    );
    await attacker.goto(elsewhere);
    const recall = `${suite.product.url}${ADMIN_ROUTES.orders}/555/recall`;
    // Settled once the server has answered (a refusal or not), so its decision is made by then.
    await attacker.evaluate(async (target) => {
      // The request is sent; Cross-Origin-Resource-Policy then keeps its answer from this page.
      await fetch(target, { method: 'POST', mode: 'no-cors', credentials: 'include' }).catch(
        () => undefined,
      );
    }, recall);
    const active = (await (await fetch(`${suite.product.url}/api/orders`)).json()) as OrderDto[];
    expect(active.map((order) => order.number)).not.toContain(555);
    expect(await board.tile(555).count()).toBe(0);
    expect(await desk.recall(555).count()).toBe(1);

    // The same request from the back-office's own page does put it back: 200 (409 "already
    // active" had the forged one done it first).
    const status = await desk.page.evaluate(async (target) => {
      return (await fetch(target, { method: 'POST', credentials: 'include' })).status;
    }, recall);
    expect(status).toBe(200);
    await board.tile(555).waitFor();
  });

  it('logs in with the login link, and explains a wrong one', async () => {
    const desk = new DeskPage(await (await context()).newPage(), suite.product.url);
    await desk.page.goto(`${suite.product.url}${ADMIN_ROUTES.loginLink}/${TOKEN}`);
    await desk.live();
    expect(new URL(desk.page.url()).pathname).toBe('/admin/');
    expect(await sessionStatus(desk.page)).toBe(200);

    const other = new DeskPage(await (await context()).newPage(), suite.product.url);
    await other.page.goto(`${suite.product.url}${ADMIN_ROUTES.loginLink}/not-the-token-at-all`);
    await other.loginScreen();
    await shows(other.loginNotice, 'That login link is not valid');
    // The verdict is taken off the address, so a reload or bookmark does not repeat it.
    expect(new URL(other.page.url()).search).toBe('');
    expect(await sessionStatus(other.page)).toBe(401);
  });

  it('an order added on the desk shows on a board within seconds; removing hides it; undo brings it back', async () => {
    const board = await suite.openBoard();
    const desk = await loggedInDesk();

    await desk.tap(42);
    expect(await desk.enteredNumber('42')).toBe('42');
    let started = Date.now();
    await desk.addButton.click();
    await board.tile(42).waitFor();
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    await desk.order(42).waitFor();
    await shows(desk.feedback, 'Order 42 is on the board.');
    expect(await desk.enteredNumber('')).toBe('');
    // Delivered to Aurora (the stand-in) shortly after.
    await desk.aurora(42).filter({ hasText: 'On Aurora' }).waitFor();

    started = Date.now();
    await desk.order(42).click();
    await board.tile(42).waitFor({ state: 'detached' });
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(await desk.numbers()).not.toContain(42);
    await shows(desk.snackbar, 'Order 42 removed.');

    started = Date.now();
    await desk.undo.click();
    await board.tile(42).waitFor();
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    await desk.order(42).waitFor();
    await desk.snackbar.filter({ hasText: 'Order 42 is back on the board.' }).waitFor();

    // Keyboard: type, Enter adds; the audit trail names this device's session.
    await desk.page.keyboard.type('7');
    await desk.page.keyboard.press('Enter');
    await board.tile(7).waitFor();
    await desk.activity.filter({ hasText: 'added 7' }).waitFor();

    // Recently removed: put back from the list.
    await desk.order(7).click();
    await board.tile(7).waitFor({ state: 'detached' });
    await desk.page.getByRole('button', { name: 'Dismiss' }).click();
    await desk.recall(7).click();
    await board.tile(7).waitFor();
    await desk.order(7).waitFor();
    expect(await desk.numbers()).toEqual(expect.arrayContaining([7, 42]));
  });

  it('says at once what is wrong with a number, in Dutch too', async () => {
    const desk = await loggedInDesk({ locale: 'nl-NL' });
    await desk.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await shows(desk.feedback, 'Typ eerst een nummer.');
    await desk.page.keyboard.type('0');
    await shows(desk.feedback, 'Bestelnummers lopen van 1 tot en met 99999.');
    await desk.page.getByRole('button', { name: 'EN English' }).click();
    await shows(desk.feedback, 'Order numbers go from 1 to 99999.');
    // Remembered on this device.
    await desk.page.reload();
    await desk.live();
    expect(await desk.page.getAttribute('html', 'lang')).toBe('en');
  });

  it('looks right at 360×740 and 1024×768, light and dark, without accessibility violations', async () => {
    // A realistic desk: orders from the till (webhook) and the desk, one Aurora is retrying.
    for (const number of [850, 12, 1234]) await suite.product.sendOrder(number);
    const desk = await loggedInDesk();
    for (const number of [305, 99]) {
      await desk.tap(number);
      await desk.addButton.click();
      await desk.order(number).waitFor();
    }
    await desk.order(12).click();
    await desk.page.getByRole('button', { name: 'Dismiss' }).click();
    await desk.aurora(99).filter({ hasText: 'On Aurora' }).waitFor();
    standIn.behave({ mode: 'fail', status: 503 });
    await desk.tap(61);
    await desk.addButton.click();
    await desk.aurora(61).filter({ hasText: 'retrying' }).waitFor({ timeout: 10_000 });

    for (const colorScheme of ['light', 'dark'] as const) {
      await desk.page.emulateMedia({ colorScheme });
      for (const viewport of [
        { width: 360, height: 740 },
        { width: 1024, height: 768 },
      ]) {
        await desk.page.setViewportSize(viewport);
        await desk.page.evaluate(() => window.scrollTo(0, 0));
        const layout = await desk.page.evaluate(() => {
          const keys = [...document.querySelectorAll('app-keypad .key, app-keypad .add')];
          const keypad = document.querySelector('app-keypad')!.getBoundingClientRect();
          const list = document.querySelector('app-order-list')!.getBoundingClientRect();
          return {
            smallestKey: Math.min(
              ...keys.map((key) => {
                const box = key.getBoundingClientRect();
                return Math.min(box.width, box.height);
              }),
            ),
            pageWidth: document.documentElement.scrollWidth,
            sideBySide: list.left >= keypad.right,
          };
        });
        // Touch targets of at least 56 px, borders included.
        expect(layout.smallestKey).toBeGreaterThanOrEqual(56);
        expect(layout.pageWidth).toBe(viewport.width);
        expect(layout.sideBySide).toBe(viewport.width >= 1024);
        await quiet(desk.page);
        await screenshot(
          desk.page,
          `admin-desk-${viewport.width}x${viewport.height}-${colorScheme}`,
        );
      }
      expect(await axeViolations(desk.page)).toEqual([]);
    }
    standIn.behave({ mode: 'normal' });
  });

  it('after too many wrong tokens, says to try again in a minute', async () => {
    const desk = await openDesk();
    await desk.loginScreen();
    for (let i = 0; i < 11; i++) {
      await desk.page.request.post(`${suite.product.url}${ADMIN_ROUTES.login}`, {
        data: { token: `wrong-${i}` },
      });
    }
    await desk.logIn(TOKEN);
    await desk.loginError.waitFor();
    await shows(desk.loginError, 'Too many attempts. Try again in a minute.');
    expect(await desk.page.getByRole('button', { name: 'Log in', exact: true }).isDisabled()).toBe(
      true,
    );
  });
});
