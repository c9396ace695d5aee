import { InProcessApp } from '../../test/support/in-process-app';
import { createTestStore, STORE_KINDS, type TestStore } from '../../test/support/stores';
import { waitUntil } from '../../test/support/wait-until';

// Two instances in one process need a store that does not block the thread while waiting for a
// lock, so this runs on PostgreSQL; several processes on one SQLite file: see store.spec.ts.
const SHARED_STORES = STORE_KINDS.filter((kind) => kind === 'postgres');

(SHARED_STORES.length > 0
  ? describe.each(SHARED_STORES)
  : describe.skip.each(['postgres' as const]))(
  'expiry with two instances on one %s store',
  (kind) => {
    let store: TestStore;
    let instances: InProcessApp[] = [];

    beforeEach(async () => {
      store = await createTestStore(kind);
      const env = { ...store.env, ORDER_TIMEOUT_SECONDS: '1', EXPIRY_SWEEP_MS: '100' };
      instances = [await InProcessApp.start(env), await InProcessApp.start(env)];
    });

    afterEach(async () => {
      await Promise.all(instances.map((instance) => instance.close()));
      await store.dispose();
    });

    it('removes every order once, within seconds of its expiresAt', async () => {
      const numbers = Array.from({ length: 20 }, (_, index) => index + 1);
      // Half through each instance, so both arm precise timers and both sweep.
      await Promise.all(
        numbers.map((number) => instances[number % 2].orders.create(number, 'star-community')),
      );
      const [a, b] = instances;
      const removals = () =>
        [...a.events, ...b.events].filter((event) => event.name === 'order.removed');

      // Every number removed (not merely past its time: listActive leaves those out already).
      await waitUntil(
        () => new Set(removals().map((event) => event.number)).size === numbers.length,
        10_000,
        'a removal of every order',
      );
      await new Promise((resolve) => setTimeout(resolve, 300)); // let any double removal surface

      const removed = removals();
      expect(removed.map((event) => event.number).sort((x, y) => x - y)).toEqual(numbers);
      expect(new Set(removed.map((event) => event.version)).size).toBe(removed.length);
      for (const { payload } of removed) {
        const late =
          Date.parse(String(payload.order['removedAt'])) -
          Date.parse(String(payload.order['expiresAt']));
        expect(late).toBeGreaterThanOrEqual(0);
        // A sweep runs every 100 ms here; seconds, not milliseconds, on a loaded machine.
        expect(late).toBeLessThan(2000);
        expect(payload.order['removedReason']).toBe('expired');
      }
    });
  },
);
