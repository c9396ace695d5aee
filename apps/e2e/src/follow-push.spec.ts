import type { Page } from 'playwright-core';
import { orderPushPayload } from '../../api/src/push/push-messages';
import { StaffClient } from '../../api/test/support/staff-client';
import { waitUntil } from '../../api/test/support/wait-until';
import { BoardPage } from '../support/board-page';
import { Product } from '../support/product';
import { browserSuite } from '../support/suite';

const ADMIN_TOKEN = 'follow-push-e2e-admin-token';
const BUILT_IN_LOOK = { icon: '/icons/icon-192.png', brandName: null };

/** The card's state, as the page marks it. */
const cardState = (board: BoardPage, state: string) =>
  board.page.locator(`.following[data-state="${state}"]`).waitFor({ timeout: 20_000 });

const cardText = (board: BoardPage) => board.page.locator('.following .state').textContent();

async function reload(board: BoardPage): Promise<void> {
  await board.page.reload();
  await board.live();
}

/** Delivers a push to the page's service worker as a push service would (DevTools protocol). */
async function deliverPush(page: Page, origin: string, data: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // The id of a registration whose worker is activated: a push to one still installing is lost.
  const registration = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const active = versions.find(
        (v) => v.scriptURL.startsWith(origin) && v.status === 'activated',
      );
      if (active) resolve(active.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data });
}

/** Runs in the service worker: taps the notification with this tag, reports what followed. */
async function tapNotification(
  tag: string,
): Promise<{ focused: string[]; opened: string[]; left: number }> {
  interface WorkerScope {
    registration: ServiceWorkerRegistration;
    clients: { openWindow(url: string): Promise<unknown> };
    WindowClient: { prototype: { focus(): Promise<unknown>; url: string } };
    NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
    dispatchEvent(event: Event): boolean;
  }
  const scope = self as unknown as WorkerScope;
  const focused: string[] = [];
  const opened: string[] = [];
  // The worker's click handler ends by focusing a board or opening one: resolved by either.
  let answered!: () => void;
  const handled = new Promise<void>((resolve) => (answered = resolve));
  scope.WindowClient.prototype.focus = function (this: { url: string }) {
    focused.push(this.url);
    answered();
    return Promise.resolve(this);
  };
  scope.clients.openWindow = (url: string) => {
    opened.push(url);
    answered();
    return Promise.resolve(null);
  };
  const [notification] = await scope.registration.getNotifications({ tag });
  scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
  // A bound of seconds, so a handler that does neither fails the expectation below, not a timeout.
  let bound: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([handled, new Promise((resolve) => (bound = setTimeout(resolve, 10_000)))]);
  clearTimeout(bound);
  const left = (await scope.registration.getNotifications({ tag })).length;
  return { focused, opened, left };
}

describe('follow my order: Web Push and a truthful card', () => {
  const suite = browserSuite({ ADMIN_TOKEN, ORDER_TIMEOUT_SECONDS: '15' });

  async function openPhone(product: Product = suite.product): Promise<BoardPage> {
    const context = await suite.newContext();
    await context.grantPermissions(['notifications'], { origin: product.url });
    const board = new BoardPage(await context.newPage());
    await board.page.goto(product.url);
    await board.live();
    await board.serviceWorkerReady();
    return board;
  }

  const staff = async () => {
    const client = new StaffClient(suite.product.server.url);
    await client.login(ADMIN_TOKEN);
    return client;
  };

  it('shows the notification of a push delivered to the service worker; a tap focuses the board', async () => {
    const board = await openPhone();
    await reload(board); // the worker now controls the page
    // Polled from here: waitForFunction would take an async predicate's promise as "truthy".
    let shown: { title: string; body: string } | null = null;
    const notificationShown = async () =>
      (shown = await board.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        const list = await registration.getNotifications({ tag: 'order-77' });
        return list.length > 0 ? { title: list[0].title, body: list[0].body } : null;
      })) !== null;
    // Delivered again (same tag: it replaces, never doubles) when nothing shows within 5 s: on a
    // loaded machine DevTools' push to a worker that was just restarted by the reload was lost
    // once in CI (1 run in 5 with a core kept busy), a delivery problem, not the worker's.
    for (let attempt = 1; attempt <= 3 && !shown; attempt += 1) {
      await deliverPush(
        board.page,
        new URL(suite.product.url).origin,
        orderPushPayload(BUILT_IN_LOOK, 77, 'ready', 'en'),
      );
      await waitUntil(notificationShown, 5_000, 'the notification of order 77').catch(
        (error: unknown) => {
          if (attempt === 3) throw error;
        },
      );
    }
    expect(shown).toEqual({
      title: 'Your order is ready',
      body: expect.stringContaining('77'),
    });

    // A tap: the browser hands the service worker a notificationclick. Headless Chromium has no
    // way to click a system notification, and an untrusted event may not focus a window, so the
    // worker's focus() and openWindow() are recorded instead of performed.
    await board.page.bringToFront();
    const worker = board.page.context().serviceWorkers()[0];
    const tapped = await worker.evaluate(tapNotification, 'order-77');
    expect(tapped).toEqual({ focused: [`${suite.product.url}/`], opened: [], left: 0 });
  });

  it('goes waiting → ready → collected, and survives a reload in each state', async () => {
    const board = await openPhone();
    await board.follow(42);
    await cardState(board, 'waiting');
    await reload(board);
    await cardState(board, 'waiting');

    await suite.product.sendOrder(42);
    await cardState(board, 'ready');
    await board.page.getByRole('button', { name: 'Got it' }).waitFor();
    await reload(board);
    await cardState(board, 'ready');

    const response = await (await staff()).request('DELETE', '/api/orders/42');
    expect(response.status).toBe(200);
    await cardState(board, 'collected');
    expect(await cardText(board)).toMatch(/^Picked up at \d\d:\d\d/);
    await reload(board);
    await cardState(board, 'collected');
  });

  it('goes waiting → ready → missed when the order times out, and survives a reload', async () => {
    // Its own product whose orders time out sooner, so the test waits seconds, not the 15 s the
    // other tests need to act on an order before it times out. 6 s still leaves seconds to see
    // the card say "ready" (it does so within milliseconds of the webhook).
    const product = await Product.start({ ORDER_TIMEOUT_SECONDS: '6' });
    try {
      const board = await openPhone(product);
      await board.follow(43);
      await reload(board);
      await cardState(board, 'waiting');
      await product.sendOrder(43);
      await cardState(board, 'ready');
      await cardState(board, 'missed'); // ORDER_TIMEOUT_SECONDS later
      expect(await cardText(board)).toMatch(
        /^Called at \d\d:\d\d and taken off the board — please ask at the counter/,
      );
      await reload(board);
      await cardState(board, 'missed');
    } finally {
      await product.stop();
    }
  });

  it('says "Tap to turn sound on" after a reload until a tap', async () => {
    const board = await openPhone();
    await board.follow(44);
    const sound = board.page.locator('.chip.sound');
    await sound.click();
    expect(await sound.getAttribute('data-sound')).toBe('on');
    await reload(board);
    expect(await sound.getAttribute('data-sound')).toBe('locked');
    expect((await sound.textContent())?.trim()).toBe('Tap to turn sound on');
    await board.page.locator('#follow-number').click();
    await board.page.locator('.chip.sound[data-sound="on"]').waitFor();
    expect((await sound.textContent())?.trim()).toBe('Sound on');
  });
});
