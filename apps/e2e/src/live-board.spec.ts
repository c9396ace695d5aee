import type { Browser, BrowserContext } from 'playwright-core';
import { BoardClient } from '../../api/test/support/board-client';
import { BoardPage } from '../support/board-page';
import { launchChromium, newContext } from '../support/browser';
import { Product } from '../support/product';

// The one timed promise: a change shows on every open board within a second.
const BOUND_MS = 1000;

describe('the board live', () => {
  let product: Product;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function openBoard(): Promise<BoardPage> {
    const context = await newContext(browser);
    contexts.push(context);
    const board = new BoardPage(await context.newPage());
    await board.page.goto(product.url);
    await board.live();
    return board;
  }

  beforeAll(async () => {
    product = await Product.start({ ORDER_TIMEOUT_SECONDS: '5' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  it('shows a new order on two boards within 1 s of the webhook, and its removal', async () => {
    const boards = [await openBoard(), await openBoard()];
    const feed = new BoardClient(product.url);
    try {
      await feed.waitFor((e) => e.name === 'snapshot');

      await product.sendOrder(42);
      const accepted = Date.now();
      await Promise.all(boards.map((board) => board.tile(42).waitFor()));
      expect(Date.now() - accepted).toBeLessThan(BOUND_MS);
      for (const board of boards) expect(await board.numbers()).toEqual([42]);

      // Expiry (ORDER_TIMEOUT_SECONDS=5) removes it on the server, which tells every board.
      await feed.waitFor((e) => e.name === 'order.removed' && e.numbers[0] === 42);
      const removed = Date.now();
      await Promise.all(boards.map((board) => board.tile(42).waitFor({ state: 'detached' })));
      expect(Date.now() - removed).toBeLessThan(BOUND_MS);
      for (const board of boards) expect(await board.numbers()).toEqual([]);
    } finally {
      feed.close();
    }
  });

  it('offline: says so and keeps the orders; online again: shows what changed, no reload', async () => {
    const board = await openBoard();
    const context = contexts[0];
    const feed = new BoardClient(product.url);
    try {
      await feed.waitFor((e) => e.name === 'snapshot');
      await product.sendOrder(7);
      await board.tile(7).waitFor();
      await board.page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same'));

      // Order 7 expires 5 s after it was created: this board is offline by then.
      await context.setOffline(true);
      await board.banner.waitFor();
      expect(await board.banner.textContent()).toContain('Reconnecting');
      expect(await board.grid.getAttribute('class')).toContain('is-stale');
      expect(await board.numbers()).toEqual([7]);

      // Changes while this board is offline: order 7 expires, order 8 arrives.
      await feed.waitFor((e) => e.name === 'order.removed' && e.numbers[0] === 7);
      await product.sendOrder(8);
      await feed.waitFor((e) => e.name === 'order.created' && e.numbers[0] === 8);
      expect(await board.numbers()).toEqual([7]);
    } finally {
      feed.close();
    }

    await context.setOffline(false);
    await board.tile(8).waitFor();
    await board.tile(7).waitFor({ state: 'detached' });
    await board.banner.waitFor({ state: 'detached' });
    expect(await board.numbers()).toEqual([8]);
    expect(await board.grid.getAttribute('class')).not.toContain('is-stale');
    expect(await board.page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same',
    );
  });
});
