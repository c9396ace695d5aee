import { InProcessApp } from '../../test/support/in-process-app';
import { createTestStore, type TestStore } from '../../test/support/stores';
import { waitUntil } from '../../test/support/wait-until';
import { OrdersService } from '../orders';

describe('expiry at shutdown', () => {
  let store: TestStore;

  beforeEach(async () => (store = await createTestStore('sqlite')));
  afterEach(() => store.dispose());

  it('waits for a sweep in flight before the store closes, and starts no new one', async () => {
    const instance = await InProcessApp.start({ ...store.env, EXPIRY_SWEEP_MS: '50' });
    const orders = instance.app.get(OrdersService);
    const expireDue = orders.expireDue.bind(orders);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const outcomes: Array<'done' | Error> = [];
    let started = 0;
    // The next sweep holds at the gate, so the app is closed while it is in flight.
    orders.expireDue = async (...args) => {
      started += 1;
      await gate;
      try {
        const result = await expireDue(...args);
        outcomes.push('done');
        return result;
      } catch (error) {
        outcomes.push(error as Error);
        throw error;
      }
    };
    await waitUntil(() => started === 1, 10_000);

    let closed = false;
    const closing = instance.close().then(() => (closed = true));
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closed).toBe(false);
    } finally {
      release();
      await closing;
    }
    expect(outcomes).toEqual(['done']);
    expect(started).toBe(1);
  });
});
