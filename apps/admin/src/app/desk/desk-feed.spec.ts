import { TestBed } from '@angular/core/testing';
import { ADMIN_EVENTS, ADMIN_ROUTES, RECALL_WINDOW_SECONDS } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AURORA_STATUS_ROUTE, FETCH } from '../api/admin-api';
import { Session } from '../session/session';
import { FakeDeskSocket } from '../testing/fake-desk-socket';
import { apiError, fakeFetch, json } from '../testing/fake-fetch';
import { delivery, iso, order, removed, snapshot, T0 } from '../testing/fixtures';
import { BANNER_DELAY_MS, DeskFeed, RETRY_AFTER_REFUSAL_MS } from './desk-feed';
import { DESK_SOCKET } from './desk-socket';

describe('DeskFeed', () => {
  let socket: FakeDeskSocket;
  let sessionStatus: number;
  let auroraSync: 'on' | 'off';
  let auroraProblem: { kind: string; detail: string } | null;

  async function start() {
    const fake = fakeFetch({
      [`GET ${ADMIN_ROUTES.session}`]: () =>
        sessionStatus === 200
          ? json(200, { label: 'Tablet · 3f9a', expiresAt: iso(T0 + 86_400_000) })
          : apiError(401, 'Unauthorized'),
      [`GET ${AURORA_STATUS_ROUTE}`]: () => json(200, { sync: auroraSync, problem: auroraProblem }),
    });
    TestBed.configureTestingModule({
      providers: [
        DeskFeed,
        { provide: DESK_SOCKET, useValue: () => socket },
        { provide: FETCH, useValue: fake.fetch },
      ],
    });
    const session = TestBed.inject(Session);
    await session.start();
    const feed = TestBed.inject(DeskFeed);
    feed.start();
    return { feed, session };
  }

  beforeEach(() => {
    socket = new FakeDeskSocket();
    sessionStatus = 200;
    auroraSync = 'on';
    auroraProblem = null;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('connects once, shows the snapshot and each change, and says live', async () => {
    const { feed } = await start();
    feed.start();
    expect(socket.connects).toBe(1);
    expect(feed.status()).toBe('connecting');
    expect(feed.loaded()).toBe(false);

    socket.serverAccepts();
    socket.receive(
      ADMIN_EVENTS.snapshot,
      snapshot({ version: 3, active: [order(1, 30)], deliveries: [delivery(1, 'delivered')] }),
    );
    expect(feed.status()).toBe('live');
    expect(feed.loaded()).toBe(true);
    socket.receive(ADMIN_EVENTS.created, { version: 4, order: order(2) });
    socket.receive(ADMIN_EVENTS.delivery, delivery(2, 'retrying', 1, { lastError: 'HTTP 503' }));
    expect(feed.active().map((o) => [o.number, o.aurora])).toEqual([
      [2, 'retrying'],
      [1, 'delivered'],
    ]);
  });

  it('asks the server whether Aurora sync is on at each connection', async () => {
    auroraSync = 'off';
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 1 }));
    socket.receive(ADMIN_EVENTS.created, { version: 2, order: order(5) });
    await vi.waitFor(() => expect(feed.active()[0].aurora).toBe('off'));
  });

  it('says once why Aurora does not take orders, and stops saying it when it does', async () => {
    auroraProblem = { kind: 'feature-off', detail: 'HTTP 409' };
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 1 }));
    await vi.waitFor(() => expect(feed.auroraProblem()).toBe('feature-off'));

    auroraProblem = null;
    socket.receive(ADMIN_EVENTS.delivery, delivery(1, 'delivered'));
    await vi.waitFor(() => expect(feed.auroraProblem()).toBeNull());

    auroraProblem = { kind: 'wrong-key', detail: 'HTTP 401' };
    socket.receive(ADMIN_EVENTS.delivery, delivery(2, 'failed', 1, { lastError: 'HTTP 401' }));
    await vi.waitFor(() => expect(feed.auroraProblem()).toBe('wrong-key'));
  });

  it('emits sync on a version gap', async () => {
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 3 }));
    socket.receive(ADMIN_EVENTS.created, { version: 5, order: order(2) });
    expect(socket.syncs).toBe(1);
    expect(feed.active()).toEqual([]);
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 5, active: [order(1), order(2)] }));
    expect(feed.active().map((o) => o.number)).toEqual([2, 1]);
  });

  it('shows the connection banner only after a while without a live feed', async () => {
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot());
    socket.lose();
    expect(feed.status()).toBe('reconnecting');
    expect(feed.lost()).toBe(false);
    vi.advanceTimersByTime(BANNER_DELAY_MS);
    expect(feed.lost()).toBe(true);
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 2 }));
    expect(feed.lost()).toBe(false);
    expect(feed.status()).toBe('live');
  });

  it('counts down in server time on a device whose clock is wrong', async () => {
    // The device is 10 minutes behind the server.
    vi.setSystemTime(T0 - 600_000);
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ serverTime: iso(T0), active: [order(1)] }));
    expect(feed.clockOffset()).toBe(600_000);
    expect(feed.serverNow()).toBe(T0);
    // Ticks just after the server's next whole second.
    vi.advanceTimersByTime(1010);
    expect(feed.serverNow()).toBe(T0 + 1005);
  });

  it('lists removed orders while they can be recalled, by server time', async () => {
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(
      ADMIN_EVENTS.snapshot,
      snapshot({ recentlyRemoved: [removed(1, RECALL_WINDOW_SECONDS - 2)] }),
    );
    expect(feed.recallable().map((o) => o.number)).toEqual([1]);
    vi.advanceTimersByTime(3000);
    expect(feed.recallable()).toEqual([]);
  });

  it('hides an order at once while its removal is on its way, until the feed confirms', async () => {
    const { feed } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 1, active: [order(1), order(2)] }));
    feed.hide(1);
    expect(feed.active().map((o) => o.number)).toEqual([2]);
    socket.receive(ADMIN_EVENTS.removed, { version: 2, order: removed(1, 0) });
    expect(feed.recallable().map((o) => o.number)).toEqual([1]);
    // Recalled: it shows again.
    socket.receive(ADMIN_EVENTS.created, { version: 3, order: order(1) });
    expect(
      feed
        .active()
        .map((o) => o.number)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('goes to the login screen on session.ended', async () => {
    const { session } = await start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.sessionEnded);
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  it('when the handshake is refused, checks the session: gone → login screen', async () => {
    const { session } = await start();
    sessionStatus = 401;
    socket.serverRefuses('unauthorized');
    await vi.waitFor(() => expect(session.state().status).toBe('signed-out'));
  });

  it('when the handshake is refused but the session holds, tries again', async () => {
    const { session } = await start();
    socket.serverRefuses('unauthorized');
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_REFUSAL_MS);
    expect(session.state().status).toBe('signed-in');
    expect(socket.connects).toBe(2);
  });

  it('asks for a fresh snapshot when the tablet wakes up, and closes on destroy', async () => {
    const { feed } = await start();
    socket.serverAccepts();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(socket.syncs).toBe(1);
    feed.stop();
    expect(socket.closed).toBe(true);
  });
});
