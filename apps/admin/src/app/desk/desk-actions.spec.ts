import { TestBed } from '@angular/core/testing';
import { ADMIN_EVENTS, ADMIN_ROUTES } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FETCH } from '../api/admin-api';
import { MESSAGES } from '../i18n/messages';
import { FakeDeskSocket } from '../testing/fake-desk-socket';
import { apiError, fakeFetch, json, offline, type Route } from '../testing/fake-fetch';
import { order, removed, snapshot } from '../testing/fixtures';
import { DeskActions, UNDO_MS } from './desk-actions';
import { BANNER_DELAY_MS, DeskFeed } from './desk-feed';
import { DESK_SOCKET } from './desk-socket';

const t = MESSAGES.en;

describe('DeskActions', () => {
  let socket: FakeDeskSocket;

  function setup(routes: Record<string, Route>) {
    const fake = fakeFetch(routes);
    TestBed.configureTestingModule({
      providers: [
        DeskFeed,
        DeskActions,
        { provide: DESK_SOCKET, useValue: () => socket },
        { provide: FETCH, useValue: fake.fetch },
      ],
    });
    const feed = TestBed.inject(DeskFeed);
    feed.start();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 1, active: [order(7), order(8)] }));
    return { feed, actions: TestBed.inject(DeskActions), calls: fake.calls };
  }

  beforeEach(() => {
    socket = new FakeDeskSocket();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('adds an order and says so; a number already on the board is renewed', async () => {
    let refreshed = false;
    const { actions, calls } = setup({
      [`POST ${ADMIN_ROUTES.orders}`]: (body) =>
        json(201, { order: order((body as { orderNumber: number }).orderNumber), refreshed }),
    });
    expect(await actions.add(42)).toBe(true);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', body: { orderNumber: 42 } });
    expect(actions.addFeedback()?.text(t)).toBe('Order 42 is on the board.');
    refreshed = true;
    await actions.add(7);
    expect(actions.addFeedback()?.text(t)).toContain('Order 7 was already on the board');
    expect(actions.addFeedback()?.tone).toBe('success');
  });

  it('keeps the number and explains when adding fails', async () => {
    let answer: () => Response = offline;
    const { actions } = setup({ [`POST ${ADMIN_ROUTES.orders}`]: () => answer() });
    expect(await actions.add(42)).toBe(false);
    expect(actions.addFeedback()).toMatchObject({ tone: 'error' });
    expect(actions.addFeedback()?.text(t)).toBe(t.errOffline);
    answer = () => apiError(400, 'orderNumber must be an integer from 1 to 99999');
    await actions.add(42);
    expect(actions.addFeedback()?.text(MESSAGES.nl)).toBe(MESSAGES.nl.errRange);
    expect(actions.adding()).toBe(false);
  });

  it('does not send a second add while one is on its way', async () => {
    let release!: () => void;
    const { actions, calls } = setup({
      [`POST ${ADMIN_ROUTES.orders}`]: () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(json(201, { order: order(5), refreshed: false }));
        }),
    });
    const first = actions.add(5);
    expect(await actions.add(5)).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('removes at once with an undo offer; undo recalls', async () => {
    const { actions, feed, calls } = setup({
      [`DELETE ${ADMIN_ROUTES.orders}/7`]: () => json(200, removed(7, 0)),
      [`POST ${ADMIN_ROUTES.orders}/7/recall`]: () => json(200, order(7)),
    });
    const removal = actions.remove(7);
    expect(feed.active().map((o) => o.number)).toEqual([8]);
    expect(actions.toast()).toMatchObject({ number: 7, undoable: true, duration: UNDO_MS });
    expect(actions.toast()?.text(t)).toBe('Order 7 removed.');
    await removal;

    await actions.undo();
    expect(
      calls
        .filter((c) => c.path.startsWith(ADMIN_ROUTES.orders))
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`DELETE ${ADMIN_ROUTES.orders}/7`, `POST ${ADMIN_ROUTES.orders}/7/recall`]);
    expect(actions.toast()).toMatchObject({ undoable: false, tone: 'success' });
    expect(actions.toast()?.text(t)).toBe('Order 7 is back on the board.');
  });

  it('lets the undo offer go after a few seconds', async () => {
    const { actions } = setup({
      [`DELETE ${ADMIN_ROUTES.orders}/7`]: () => json(200, removed(7, 0)),
    });
    await actions.remove(7);
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(actions.toast()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(actions.toast()).toBeNull();
  });

  it('shows the order again when the removal fails', async () => {
    const { actions, feed } = setup({ [`DELETE ${ADMIN_ROUTES.orders}/7`]: () => offline() });
    await actions.remove(7);
    expect(
      feed
        .active()
        .map((o) => o.number)
        .sort(),
    ).toEqual([7, 8]);
    expect(actions.toast()).toMatchObject({ tone: 'error', undoable: false });
  });

  it('explains a recall that comes too late or finds the number back on the board', async () => {
    let status = 404;
    const { actions } = setup({
      [`POST ${ADMIN_ROUTES.orders}/3/recall`]: () => apiError(status, 'nope'),
    });
    await actions.recall(3);
    expect(actions.toast()?.text(t)).toBe('Order 3 can no longer be put back.');
    status = 409;
    await actions.recall(3);
    expect(actions.toast()?.text(t)).toBe('Order 3 is already on the board again.');
    expect(actions.recalling().size).toBe(0);
  });

  it('tries nothing while the feed is lost, and says nothing changed (as the banner does)', async () => {
    const { feed, actions, calls } = setup({});
    socket.lose();
    vi.advanceTimersByTime(BANNER_DELAY_MS);
    expect(feed.lost()).toBe(true);
    const sent = calls.length;

    await actions.remove(7);
    expect(feed.active().map((o) => o.number)).toContain(7);
    expect(actions.toast()).toMatchObject({ undoable: false, tone: 'error' });
    expect(actions.toast()?.text(t)).toBe(t.errOffline);
    await actions.recall(3);
    expect(calls.length).toBe(sent);
  });
});
