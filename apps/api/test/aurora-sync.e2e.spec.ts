import type { AuroraDeliveryDto, AuroraProblemDto } from '@hubble/contracts';
import { AuroraStandIn, type ReceivedCall } from '../../../tools/aurora-stand-in/aurora-stand-in';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { sql } from 'kysely';
import { AuroraDeliveriesService } from '../src/aurora-sync/aurora-deliveries.service';
import { ORDER_CHANGES_IN_TRANSACTION } from '../src/orders';
import { InProcessApp } from './support/in-process-app';
import { ServerProcess } from './support/server-process';
import { StaffClient } from './support/staff-client';
import { createTestStore, STORE_KINDS, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

const API_KEY = 'stand-in-key';
const ADMIN_TOKEN = 'aurora-suite-admin-token-0123';

interface DeliveriesResponse {
  sync: 'on' | 'off';
  outbox: { pending: number; retrying: number; failed: number };
  problem: AuroraProblemDto | null;
  deliveries: AuroraDeliveryDto[];
}

const heldNumbers = (standIn: AuroraStandIn) =>
  standIn
    .orders()
    .map((order) => order.number)
    .sort((a, b) => a - b);

const callsFor = (standIn: AuroraStandIn, number: number, method?: string) =>
  standIn.calls.filter(
    (call: ReceivedCall) =>
      call.status === 200 &&
      (call.orderNumber === number || call.path === `/api/orders/${number}`) &&
      (method === undefined || call.method === method),
  );

/** GET /api/admin/aurora as logged-in staff. */
const deliveriesOf = async (server: ServerProcess): Promise<DeliveriesResponse> => {
  const staff = new StaffClient(server.url);
  await staff.login(ADMIN_TOKEN);
  return (await (await staff.request('GET', '/api/admin/aurora')).json()) as DeliveriesResponse;
};

const deliveryOf = async (server: ServerProcess, number: number) =>
  (await deliveriesOf(server)).deliveries.find((d) => d.orderNumber === number);

/** Makes every call that is backing off wait `ms` more, as after a long outage (up to 60 s). */
const pushBackoffsOut = (app: InProcessApp, ms: number) =>
  app.store.db
    .updateTable('aurora_outbox')
    .set({ due_at: Date.now() + ms })
    .where('state', '=', 'retrying')
    .execute();

const retryingCount = async (app: InProcessApp) =>
  (await app.app.get(AuroraDeliveriesService).status()).outbox.retrying;

/** What a timed-out wait reports: Aurora's calls and the outbox, to tell a late call from a lost one. */
const whereTheCallsAre = async (app: InProcessApp, standIn: AuroraStandIn) => {
  const outbox = await app.store.db
    .selectFrom('aurora_outbox')
    .select(['number', 'action', 'state', 'attempts', 'last_error', 'created_at', 'updated_at'])
    .orderBy('id')
    .execute();
  return `Aurora holds ${JSON.stringify(heldNumbers(standIn))}\ncalls ${JSON.stringify(standIn.calls)}\noutbox ${JSON.stringify(outbox)}`;
};

const outboxDrained = async (app: InProcessApp) => {
  const { outbox } = await app.app.get(AuroraDeliveriesService).status();
  return outbox.pending + outbox.retrying === 0;
};

describe('Aurora sync against the stand-in', () => {
  const signer = new WebhookSigner();
  const keyFile = signer.writePublicKeyFile();
  let standIn: AuroraStandIn;
  let store: TestStore;
  const servers: ServerProcess[] = [];
  const apps: InProcessApp[] = [];

  const auroraEnv = (overrides: Record<string, string> = {}) => ({
    ...store.env,
    STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    AURORA_URL: standIn.url,
    AURORA_API_KEY: API_KEY,
    ADMIN_TOKEN,
    ...overrides,
  });

  const startServer = async (overrides: Record<string, string> = {}) => {
    const server = await ServerProcess.start(auroraEnv(overrides));
    servers.push(server);
    return server;
  };

  const startInProcess = async (overrides: Record<string, string> = {}) => {
    const app = await InProcessApp.start(auroraEnv(overrides));
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    standIn = await AuroraStandIn.start({ apiKey: API_KEY });
    store = await createTestStore('sqlite');
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await standIn.down();
    await store.dispose();
  });

  it('adds a created order with its remaining time and removes it when staff remove it', async () => {
    const server = await startServer({ ORDER_TIMEOUT_SECONDS: '300' });
    await signer.sendOrder(server.url, 850);
    await waitUntil(() => heldNumbers(standIn).includes(850), 5000, 'order 850 in Aurora');
    expect(standIn.orders()).toEqual([
      expect.objectContaining({ number: 850, timeoutSeconds: 300 }),
    ]);

    const staff = new StaffClient(server.url);
    await staff.login(ADMIN_TOKEN);
    expect((await staff.request('DELETE', '/api/orders/850')).status).toBe(200);
    await waitUntil(() => standIn.orders().length === 0, 5000, 'order 850 gone from Aurora');
    expect(callsFor(standIn, 850, 'POST')).toHaveLength(1);
    expect(callsFor(standIn, 850, 'DELETE')).toHaveLength(1);
  });

  it('re-adds a refreshed order with the renewed time', async () => {
    const app = await startInProcess({ ORDER_TIMEOUT_SECONDS: '120' });
    await app.orders.create(31, 'star-community');
    await waitUntil(() => callsFor(standIn, 31, 'POST').length === 1, 5000, 'the first add');
    await app.orders.create(31, 'star-community');
    await waitUntil(() => callsFor(standIn, 31, 'POST').length === 2, 5000, 'the second add');
    expect(callsFor(standIn, 31, 'POST').map((call) => call.timeoutSeconds)).toEqual([120, 120]);
  });

  it('shows each delivery state over HTTP, and reports sync on in /health', async () => {
    const server = await startServer();
    await signer.sendOrder(server.url, 12);
    await waitUntil(
      async () => (await deliveriesOf(server)).deliveries[0]?.state === 'delivered',
      5000,
      'order 12 delivered',
    );
    expect(await deliveriesOf(server)).toEqual({
      sync: 'on',
      outbox: { pending: 0, retrying: 0, failed: 0 },
      problem: null,
      deliveries: [
        expect.objectContaining({
          orderNumber: 12,
          state: 'delivered',
          action: 'add',
          attempts: 1,
        }),
      ],
    });
    const health = (await (await fetch(`${server.url}/health`)).json()) as { aurora: unknown };
    expect(health.aurora).toEqual({ sync: 'on', outbox: { pending: 0, retrying: 0, failed: 0 } });

    standIn.behave({ mode: 'fail', status: 503 });
    await signer.sendOrder(server.url, 13);
    await waitUntil(
      async () =>
        (await deliveriesOf(server)).deliveries.some(
          (d) => d.orderNumber === 13 && d.state === 'retrying',
        ),
      5000,
      'order 13 retrying',
    );
    const retrying = (await deliveriesOf(server)).deliveries.find((d) => d.orderNumber === 13);
    expect(retrying).toMatchObject({ state: 'retrying', lastError: 'HTTP 503' });
  });

  it('delivers every still-active order after an outage, and none that expired meanwhile', async () => {
    await standIn.down();
    const server = await startServer({ ORDER_TIMEOUT_SECONDS: '8' });
    await signer.sendOrder(server.url, 101); // expires while Aurora is down
    await waitUntil(
      async () => (await deliveryOf(server, 101))?.state === 'retrying',
      5000,
      'a failed attempt for 101',
    );
    await waitUntil(
      async () => (await deliveryOf(server, 101)) === undefined,
      15_000,
      'order 101 to expire',
    );
    await signer.sendOrder(server.url, 102); // still active when Aurora is back
    await waitUntil(
      async () => ((await deliveryOf(server, 102))?.attempts ?? 0) >= 3,
      15_000,
      'three failed attempts for 102 (1.5 s or more)',
    );
    await standIn.up();

    await waitUntil(() => heldNumbers(standIn).includes(102), 10_000, 'order 102 in Aurora');
    const [held] = standIn.orders();
    // What is left of its lifetime, not a fresh timeout.
    expect(held.timeoutSeconds).toBeGreaterThanOrEqual(1);
    expect(held.timeoutSeconds).toBeLessThanOrEqual(7);
    // Let every outstanding entry for 101 (its add and remove) come due and be dropped.
    await waitUntil(
      async () => (await deliveriesOf(server)).outbox.retrying === 0,
      15_000,
      'no retries left',
    );
    expect(standIn.calls.filter((call) => call.orderNumber === 101)).toEqual([]);
    expect(standIn.calls.filter((call) => call.path === '/api/orders/101')).toEqual([]);
  }, 120_000);

  it('sends the call of a committed change at once although the poll interval is long', async () => {
    const server = await startServer({
      AURORA_POLL_MS: '600000',
      AURORA_PROBE_MS: '60000',
      AURORA_REASSERT_SECONDS: '86400',
    });
    await signer.sendOrder(server.url, 77);
    await waitUntil(() => heldNumbers(standIn).includes(77), 5000, 'order 77 in Aurora');
    const staff = new StaffClient(server.url);
    await staff.login(ADMIN_TOKEN);
    expect((await staff.request('DELETE', '/api/orders/77')).status).toBe(200);
    await waitUntil(() => callsFor(standIn, 77, 'DELETE').length === 1, 5000, 'the remove');
  });

  it('claims the call of a change in its own transaction; the next call for the number waits for it', async () => {
    standIn.behave({ mode: 'hang' });
    const app = await startInProcess({
      AURORA_POLL_MS: '200',
      AURORA_PROBE_MS: '60000',
      AURORA_REASSERT_SECONDS: '86400',
    });
    const entriesOf = (number: number) =>
      app.store.db
        .selectFrom('aurora_outbox')
        .select(['action', 'claimed_until', 'state'])
        .where('number', '=', number)
        .orderBy('id')
        .execute();

    await app.orders.create(31, 'star-community');
    // Claimed as the change committed, before the worker ran at all: no claim transaction after.
    expect(await entriesOf(31)).toEqual([
      { action: 'add', claimed_until: expect.any(Number), state: 'pending' },
    ]);
    await waitUntil(
      () => standIn.calls.some((call) => call.method === 'POST'), // the only call of this test
      5000,
      'the add to reach Aurora (which does not answer)',
    );
    await app.orders.remove(31, 'staff');
    const [, remove] = await entriesOf(31);
    expect(remove).toEqual({ action: 'remove', claimed_until: null, state: 'pending' });
    expect(callsFor(standIn, 31, 'DELETE')).toEqual([]);

    standIn.behave({ mode: 'normal' }); // the hanging add is cut: it may have reached Aurora
    await waitUntil(() => callsFor(standIn, 31, 'DELETE').length === 1, 10_000, 'the remove');
    expect(heldNumbers(standIn)).toEqual([]);
  });

  it('makes no call for a change that rolled back, and keeps no room for it', async () => {
    const app = await startInProcess({
      AURORA_POLL_MS: '600000',
      AURORA_PROBE_MS: '60000',
      AURORA_REASSERT_SECONDS: '86400',
    });
    let refuse = true;
    // Another module's in-transaction work fails after the outbox entry was written and claimed.
    app.app.get(EventEmitter2).on(ORDER_CHANGES_IN_TRANSACTION, async () => {
      if (refuse) throw new Error('refused by the test');
    });
    // More than the worker's 64 calls in flight: a leaked reservation would leave no room.
    const refused = Array.from({ length: 70 }, (_, index) => 400 + index);
    for (const number of refused) {
      await expect(app.orders.create(number, 'star-community')).rejects.toThrow(
        'refused by the test',
      );
    }
    refuse = false;
    await app.orders.create(499, 'star-community');
    await waitUntil(() => heldNumbers(standIn).includes(499), 5000, 'order 499 in Aurora');
    expect(standIn.calls.filter((call) => refused.includes(call.orderNumber ?? 0))).toEqual([]);
    const written = await app.store.db
      .selectFrom('aurora_outbox')
      .select('number')
      .where('number', 'in', refused)
      .execute();
    expect(written).toEqual([]);
  });

  it('is back on Aurora soon after an outage, although each call backs off for minutes', async () => {
    await standIn.down();
    const app = await startInProcess({ AURORA_PROBE_MS: '300', AURORA_REASSERT_SECONDS: '3600' });
    for (const number of [21, 22]) await app.orders.create(number, 'star-community');
    await waitUntil(async () => (await retryingCount(app)) === 2, 5000, 'both calls backing off');
    await pushBackoffsOut(app, 10 * 60_000);

    await standIn.up();
    await waitUntil(() => heldNumbers(standIn).join() === '21,22', 10_000, 'both orders in Aurora');
  });

  it('does not skip calls that back off when it re-asserts', async () => {
    await standIn.down();
    const app = await startInProcess({ AURORA_PROBE_MS: '60000', AURORA_REASSERT_SECONDS: '2' });
    await app.orders.create(23, 'star-community');
    await waitUntil(async () => (await retryingCount(app)) === 1, 5000, 'the call backing off');
    await pushBackoffsOut(app, 10 * 60_000);

    await standIn.up();
    await waitUntil(
      () => heldNumbers(standIn).includes(23),
      2000 + 5000,
      'order 23 in Aurora within the re-assert period',
    );
  });

  it('delivers an order refused with 409 (Orders off) once Aurora is fixed, without our restart', async () => {
    standIn.setOrdersFeature(false);
    standIn.restart(); // Aurora started without the feature
    const server = await startServer({ AURORA_REFUSED_RETRY_SECONDS: '2' });
    await signer.sendOrder(server.url, 409);
    await waitUntil(
      async () => (await deliveryOf(server, 409))?.state === 'failed',
      5000,
      'the refused add',
    );
    const status = await deliveriesOf(server);
    expect(status.problem).toEqual({ kind: 'feature-off', detail: 'HTTP 409' });
    expect(await deliveryOf(server, 409)).toMatchObject({ lastError: 'HTTP 409' });
    const ready = (await (await fetch(`${server.url}/health/ready`)).json()) as {
      details: { aurora: unknown };
    };
    expect(ready.details.aurora).toEqual({
      status: 'degraded',
      sync: 'on',
      refused: 'HTTP 409',
      problem: 'feature-off',
    });

    // Switched on: 500 until Aurora restarts, then it takes calls.
    standIn.setOrdersFeature(true);
    standIn.restart();
    await waitUntil(() => heldNumbers(standIn).includes(409), 15_000, 'order 409 in Aurora');
    await waitUntil(
      async () => (await deliveryOf(server, 409))?.state === 'delivered',
      5000,
      'delivered on the desk',
    );
    expect((await server.logsUpToNow()).match(/Aurora refused .*HTTP 409/g)).toHaveLength(1);
  }, 90_000);

  it('makes a restarted Aurora whole again by re-adding the active orders', async () => {
    const server = await startServer({ AURORA_REASSERT_SECONDS: '2' });
    for (const number of [1, 2, 3]) await signer.sendOrder(server.url, number);
    await waitUntil(() => heldNumbers(standIn).length === 3, 5000, 'three orders in Aurora');

    standIn.restart();
    expect(standIn.orders()).toEqual([]);
    await waitUntil(
      () => heldNumbers(standIn).join() === '1,2,3',
      2000 + 3000,
      'the orders re-added within the re-assert period',
    );
  });

  it('delivers calls that were pending when the API was killed', async () => {
    standIn.behave({ mode: 'hang' });
    const first = await startServer({ AURORA_TIMEOUT_MS: '1000' });
    for (const number of [41, 42]) await signer.sendOrder(first.url, number);
    await waitUntil(() => standIn.calls.length >= 2, 5000, 'the calls in flight');
    await first.stop('SIGKILL');

    standIn.behave({ mode: 'normal' });
    await startServer({ AURORA_TIMEOUT_MS: '1000' });
    await waitUntil(() => heldNumbers(standIn).join() === '41,42', 20_000, 'both orders in Aurora');
  }, 90_000);

  it('marks calls refused for a wrong API key as failed, logs it once, and does not loop', async () => {
    const server = await startServer({ AURORA_API_KEY: 'not-the-key' });
    for (const number of [7, 8, 9]) await signer.sendOrder(server.url, number);
    await waitUntil(
      async () => (await deliveriesOf(server)).deliveries.every((d) => d.state === 'failed'),
      5000,
      'three failed deliveries',
    );
    const { deliveries, outbox } = await deliveriesOf(server);
    expect(deliveries).toHaveLength(3);
    expect(deliveries[0]).toMatchObject({ state: 'failed', lastError: 'HTTP 401', attempts: 1 });
    expect(outbox).toEqual({ pending: 0, retrying: 0, failed: 3 });

    const orderCalls = () => standIn.calls.filter((call) => call.method !== 'GET'); // not probes
    expect(orderCalls()).toHaveLength(3);
    // A later order's call comes after the refused ones were recorded: none of them was repeated.
    await signer.sendOrder(server.url, 10);
    await waitUntil(
      async () => (await deliveryOf(server, 10))?.state === 'failed',
      5000,
      'the refused add of 10',
    );
    expect(orderCalls()).toHaveLength(4);
    const logs = await server.logsUpToNow();
    expect(logs.match(/Aurora refused .*HTTP 401.*AURORA_API_KEY/g)).toHaveLength(1);
    expect(logs).not.toContain('not-the-key');

    // Readiness does not count a 401 as up; the desk says what is wrong once.
    const ready = (await (await fetch(`${server.url}/health/ready`)).json()) as {
      details: { aurora: unknown };
    };
    expect(ready.details.aurora).toEqual({
      status: 'degraded',
      sync: 'on',
      refused: 'HTTP 401',
      problem: 'wrong-key',
    });
    expect((await deliveriesOf(server)).problem).toEqual({ kind: 'wrong-key', detail: 'HTTP 401' });
  });

  it('still removes an order whose add went unanswered (it may have reached Aurora)', async () => {
    standIn.behave({ mode: 'hang' });
    const server = await startServer({ AURORA_TIMEOUT_MS: '300' });
    await signer.sendOrder(server.url, 61);
    await waitUntil(
      async () =>
        (await deliveriesOf(server)).deliveries.some(
          (d) => d.orderNumber === 61 && d.lastError === 'timeout',
        ),
      5000,
      'the add to time out',
    );
    const staff = new StaffClient(server.url);
    await staff.login(ADMIN_TOKEN);
    expect((await staff.request('DELETE', '/api/orders/61')).status).toBe(200);

    standIn.behave({ mode: 'normal' });
    await waitUntil(() => callsFor(standIn, 61, 'DELETE').length === 1, 10_000, 'the remove');
    expect(callsFor(standIn, 61, 'POST')).toEqual([]); // the add itself is pointless by now
  }, 90_000);

  it('keeps Aurora equal to the board through churn while Aurora fails', async () => {
    const app = await startInProcess({ ORDER_TIMEOUT_SECONDS: '300' });
    standIn.behave({ mode: 'fail', status: 502 });
    for (const number of [5, 6, 7]) await app.orders.create(number, 'star-community');
    await app.orders.remove(5, 'staff');
    await app.orders.create(6, 'star-community');
    await app.orders.remove(7, 'staff');
    await app.orders.create(7, 'back-office');
    await app.orders.create(8, 'back-office');
    await app.orders.remove(8, 'staff');
    // No call may be on its way while Aurora recovers: one sent before a removal committed could
    // arrive after the recovery (a loaded machine) and be accepted.
    const callsInFlight = async () =>
      (
        await app.store.db
          .selectFrom('aurora_outbox')
          .select('id')
          .where('claimed_until', 'is not', null)
          .where('state', 'in', ['pending', 'retrying'])
          .execute()
      ).length;
    await waitUntil(
      async () => standIn.calls.length >= 1 && (await callsInFlight()) === 0,
      10_000,
      'a failed attempt, and no call in flight',
    );

    standIn.behave({ mode: 'normal' });
    await waitUntil(() => outboxDrained(app), 15_000, 'the outbox drained');
    const active = (await app.orders.listActive()).map((order) => order.number).sort();
    expect(active).toEqual([6, 7]);
    expect(heldNumbers(standIn)).toEqual(active);
    // Removed before any add got through: Aurora never heard of 5 or 8.
    expect(callsFor(standIn, 5)).toEqual([]);
    expect(callsFor(standIn, 8)).toEqual([]);
  }, 90_000);
});

describe('Aurora sync off', () => {
  it('says so once at start and in /health, and shows orders as off', async () => {
    const store = await createTestStore('sqlite');
    const signer = new WebhookSigner();
    const server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
      ADMIN_TOKEN,
    });
    try {
      await signer.sendOrder(server.url, 3);
      const health = (await (await fetch(`${server.url}/health`)).json()) as { aurora: unknown };
      expect(health.aurora).toEqual({
        sync: 'off',
        outbox: { pending: 0, retrying: 0, failed: 0 },
      });
      const { deliveries } = await deliveriesOf(server);
      expect(deliveries).toEqual([expect.objectContaining({ orderNumber: 3, state: 'off' })]);
      expect((await server.logsUpToNow()).match(/Aurora sync is off/g)).toHaveLength(1);
    } finally {
      await server.stop();
      await store.dispose();
    }
  });
});

describe.each(STORE_KINDS.filter((kind) => kind === 'postgres'))(
  'two instances on one %s store',
  () => {
    let standIn: AuroraStandIn;
    let store: TestStore;
    let apps: InProcessApp[] = [];

    beforeAll(async () => {
      standIn = await AuroraStandIn.start({ apiKey: API_KEY });
      store = await createTestStore('postgres');
    });

    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
      await standIn.down();
      await store.dispose();
    });

    it('make each add and each remove exactly once', async () => {
      const env = {
        ...store.env,
        AURORA_URL: standIn.url,
        AURORA_API_KEY: API_KEY,
        AURORA_REASSERT_SECONDS: '3600',
        // Only the wake-up after each commit can make the calls go out in time.
        AURORA_POLL_MS: '600000',
        // A call timed out on a starved box is made again: a second POST, not what this counts.
        AURORA_TIMEOUT_MS: '30000',
        // Long enough that no add is still queued when its order ends (it would be dropped, by
        // design): on a starved CI box a call can wait seconds for its turn.
        ORDER_TIMEOUT_SECONDS: '15',
      };
      apps = [await InProcessApp.start(env), await InProcessApp.start(env)];
      const numbers = Array.from({ length: 20 }, (_, index) => 200 + index);
      await Promise.all(
        numbers.map((number, i) => apps[i % 2].orders.create(number, 'star-community')),
      );
      // Bounds of tens of seconds, far below the poll's ten minutes: CI shares two cores.
      await waitUntil(() => standIn.orders().length === 20, 30_000, 'all twenty in Aurora').catch(
        async (error: Error) => {
          throw new Error(`${error.message}\n${await whereTheCallsAre(apps[0], standIn)}`);
        },
      );
      // Half leave by a staff tap on either instance, the other half expire (both instances sweep).
      await Promise.all(
        numbers
          .filter((_, i) => i % 2 === 0)
          .map((number, i) => apps[i % 2].orders.remove(number, 'staff')),
      );
      // Removed rows, not listActive(): that hides orders past their time not yet swept, whose
      // remove is not queued yet.
      const notRemoved = async () =>
        (
          await apps[0].store.db
            .selectFrom('orders')
            .select('id')
            .where('removed_at', 'is', null)
            .execute()
        ).length;
      await waitUntil(async () => (await notRemoved()) === 0, 60_000, 'every order removed');
      await waitUntil(
        async () => (await Promise.all(apps.map((app) => outboxDrained(app)))).every(Boolean),
        30_000,
        'both outboxes drained',
      );

      for (const number of numbers) {
        expect([number, callsFor(standIn, number, 'POST').length]).toEqual([number, 1]);
        expect([number, callsFor(standIn, number, 'DELETE').length]).toEqual([number, 1]);
      }
      expect(standIn.orders()).toEqual([]);
    }, 150_000);

    it('send the call of a change while another transaction holds the claim lock', async () => {
      const app = await InProcessApp.start({
        ...store.env,
        AURORA_URL: standIn.url,
        AURORA_API_KEY: API_KEY,
        AURORA_REASSERT_SECONDS: '3600',
        AURORA_POLL_MS: '600000',
      });
      apps.push(app);
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked = () => {};
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      // What a claim (or another instance's re-assert) holding the lock looks like.
      const holder = app.store.db.transaction().execute(async (tx) => {
        await sql`select id from aurora_sync where id = 1 for update`.execute(tx);
        locked();
        await released;
      });
      try {
        await lockTaken;
        await app.orders.create(260, 'star-community');
        await waitUntil(() => heldNumbers(standIn).includes(260), 5000, 'order 260 in Aurora');
      } finally {
        release();
        await holder;
      }
    });
  },
);
