import { BoardPage } from '../support/board-page';
import {
  recordedNotifications,
  recordNotifications,
  settledNotification,
} from '../support/notifications';
import { browserSuite } from '../support/suite';

describe('follow my order', () => {
  const suite = browserSuite();

  /** A phone whose owner allowed notifications for the board. */
  async function openPhone(): Promise<BoardPage> {
    const context = await suite.newContext();
    await context.grantPermissions(['notifications'], { origin: suite.product.url });
    await recordNotifications(context);
    const board = new BoardPage(await context.newPage());
    await board.page.goto(suite.product.url);
    await board.live();
    return board;
  }

  it('highlights and pins the followed number when it arrives, notifies, and survives a reload', async () => {
    const board = await openPhone();
    await board.serviceWorkerReady();
    await suite.product.sendOrder(11);
    await board.tile(11).waitFor();

    await board.follow(42);
    await board.page.getByText('Notifications on').waitFor();
    expect(await board.page.locator('.following').getAttribute('class')).not.toContain('is-ready');

    await suite.product.sendOrder(42);
    await board.tile(42).waitFor();
    expect(await board.numbers()).toEqual([42, 11]);
    expect(await board.tile(42).getAttribute('class')).toContain('is-mine');
    expect(await board.tile(42).textContent()).toContain('Your order');
    expect(await board.tile(11).getAttribute('class')).not.toContain('is-mine');
    await board.page.locator('.following.is-ready').waitFor();
    expect(await board.page.locator('[aria-live="polite"]').textContent()).toContain(
      'Your order 42 is ready!',
    );

    // A newer order still goes below the followed one, in number order.
    await suite.product.sendOrder(12);
    await board.tile(12).waitFor();
    expect(await board.numbers()).toEqual([42, 11, 12]);

    expect(await settledNotification(board.page, 'order-42')).toEqual({
      title: 'Your order is ready',
      body: 'Order 42 is waiting for you at the counter.',
      tag: 'order-42',
      icon: `${suite.product.url}/icons/icon-192.png`,
      outcome: 'shown',
    });
    // Once: neither order 12 nor the repeating alert asks for another.
    expect(await recordedNotifications(board.page)).toHaveLength(1);

    await board.page.reload();
    await board.live();
    expect(await board.page.locator('#follow-number').textContent()).toBe('42');
    expect(await board.numbers()).toEqual([42, 11, 12]);
    expect(await board.tile(42).getAttribute('class')).toContain('is-mine');

    await board.page.getByRole('button', { name: 'Stop following' }).click();
    await board.page.getByLabel('Number on your receipt').waitFor();
    expect(await board.numbers()).toEqual([11, 12, 42]);
    expect(await board.page.locator('.is-mine').count()).toBe(0);
  });

  it('explains a wrong number in the customer’s words and follows nothing', async () => {
    const board = await openPhone();
    const field = board.page.getByLabel('Number on your receipt');
    await field.fill('12a');
    await board.page.getByRole('button', { name: 'Follow', exact: true }).click();
    const alert = board.page.getByRole('alert');
    expect(await alert.textContent()).toContain('That is not an order number');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await board.page.locator('.following').count()).toBe(0);
  });
});
