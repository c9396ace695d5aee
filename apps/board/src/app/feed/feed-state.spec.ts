import { BOARD_EVENTS, type OrderDto } from '@hubble/contracts';
import { describe, expect, it } from 'vitest';
import { order } from '../testing/board-testing';
import { type FeedEvent, FeedState } from './feed-state';

const created = (version: number, o: OrderDto): FeedEvent => ({
  name: BOARD_EVENTS.created,
  payload: { version, order: o },
});
const refreshed = (version: number, o: OrderDto): FeedEvent => ({
  name: BOARD_EVENTS.refreshed,
  payload: { version, order: o },
});
const removed = (version: number, o: OrderDto): FeedEvent => ({
  name: BOARD_EVENTS.removed,
  payload: {
    version,
    order: { ...o, removedAt: o.expiresAt, removedReason: 'expired' },
  },
});

const numbers = (state: FeedState) => state.list.map((o) => o.number);

describe('FeedState', () => {
  it('shows the first snapshot without announcing its orders as changes', () => {
    const state = new FeedState();
    const step = state.applySnapshot({ version: 5, orders: [order(1), order(2)] });
    expect(step).toEqual({ changes: [], needsSync: false });
    expect(state.version).toBe(5);
    expect(state.isSynced).toBe(true);
    expect(numbers(state)).toEqual([2, 1]);
  });

  it('applies the next versions in order: arrival, refresh (back on top), removal', () => {
    const state = new FeedState();
    state.applySnapshot({ version: 5, orders: [order(1), order(2)] });

    expect(state.applyEvent(created(6, order(3))).changes).toEqual([
      { kind: 'arrived', number: 3 },
    ]);
    expect(numbers(state)).toEqual([3, 2, 1]);

    expect(state.applyEvent(refreshed(7, order(1, 10))).changes).toEqual([
      { kind: 'refreshed', number: 1 },
    ]);
    expect(numbers(state)).toEqual([1, 3, 2]);

    expect(state.applyEvent(removed(8, order(2))).changes).toEqual([{ kind: 'left', number: 2 }]);
    expect(numbers(state)).toEqual([1, 3]);
    expect(state.version).toBe(8);
  });

  it('drops events not newer than what it holds', () => {
    const state = new FeedState();
    state.applySnapshot({ version: 5, orders: [order(1)] });
    expect(state.applyEvent(created(5, order(9)))).toEqual({ changes: [], needsSync: false });
    expect(state.applyEvent(removed(4, order(1)))).toEqual({ changes: [], needsSync: false });
    expect(numbers(state)).toEqual([1]);
    expect(state.version).toBe(5);
  });

  it('asks for sync on a version gap and keeps later events for the coming snapshot', () => {
    const state = new FeedState();
    state.applySnapshot({ version: 5, orders: [] });

    const gap = state.applyEvent(created(7, order(7)));
    expect(gap).toEqual({ changes: [], needsSync: true });
    expect(state.isSynced).toBe(false);
    expect(numbers(state)).toEqual([]);

    // Arrives before the answer to sync: kept, not applied yet.
    expect(state.applyEvent(created(9, order(9))).changes).toEqual([]);

    const step = state.applySnapshot({
      version: 8,
      orders: [order(6), order(7), order(8)],
    });
    expect(step.needsSync).toBe(false);
    expect(step.changes).toEqual([
      { kind: 'arrived', number: 6 },
      { kind: 'arrived', number: 7 },
      { kind: 'arrived', number: 8 },
      { kind: 'arrived', number: 9 },
    ]);
    expect(numbers(state)).toEqual([9, 8, 7, 6]);
    expect(state.version).toBe(9);
  });

  it('keeps events that arrive before the first snapshot and replays the newer ones', () => {
    const state = new FeedState();
    expect(state.applyEvent(created(11, order(11))).changes).toEqual([]);
    expect(state.applyEvent(created(10, order(10))).changes).toEqual([]);
    expect(state.applyEvent(removed(12, order(4))).changes).toEqual([]);
    expect(numbers(state)).toEqual([]);

    const step = state.applySnapshot({ version: 10, orders: [order(4), order(10)] });
    expect(step).toEqual({
      changes: [
        { kind: 'arrived', number: 11 },
        { kind: 'left', number: 4 },
      ],
      needsSync: false,
    });
    expect(numbers(state)).toEqual([11, 10]);
    expect(state.version).toBe(12);
  });

  it('asks for sync when the kept events do not follow the snapshot', () => {
    const state = new FeedState();
    state.applyEvent(created(13, order(13)));
    const step = state.applySnapshot({ version: 10, orders: [] });
    expect(step.needsSync).toBe(true);
    expect(state.isSynced).toBe(false);
  });

  it('compares a reconnect snapshot with what it showed: arrivals, refreshes and departures', () => {
    const state = new FeedState();
    state.applySnapshot({ version: 1, orders: [order(1), order(2)] });
    state.disconnected();
    expect(state.isSynced).toBe(false);
    expect(numbers(state)).toEqual([2, 1]);

    const step = state.applySnapshot({ version: 4, orders: [order(2, 40), order(3)] });
    expect(step.changes).toEqual([
      { kind: 'refreshed', number: 2 },
      { kind: 'arrived', number: 3 },
      { kind: 'left', number: 1 },
    ]);
  });

  it('forgets events kept from a connection that is gone', () => {
    const state = new FeedState();
    state.applyEvent(created(3, order(3)));
    state.disconnected();
    state.applySnapshot({ version: 2, orders: [] });
    expect(numbers(state)).toEqual([]);
    expect(state.version).toBe(2);
  });

  it('starts from a restored snapshot, unsynced, and compares the first live snapshot with it', () => {
    const state = new FeedState({ version: 20, orders: [order(5), order(6)] });
    expect(state.isSynced).toBe(false);
    expect(state.version).toBe(20);
    expect(numbers(state)).toEqual([6, 5]);
    expect(state.toSnapshot()).toEqual({ version: 20, orders: [order(6), order(5)] });

    const step = state.applySnapshot({ version: 23, orders: [order(6), order(7)] });
    expect(step.changes).toEqual([
      { kind: 'arrived', number: 7 },
      { kind: 'left', number: 5 },
    ]);
  });

  it('takes a snapshot with a lower version than it held (a new server) as the truth', () => {
    const state = new FeedState({ version: 50, orders: [order(5)] });
    state.applySnapshot({ version: 2, orders: [order(8)] });
    expect(state.applyEvent(created(3, order(9))).changes).toEqual([
      { kind: 'arrived', number: 9 },
    ]);
    expect(numbers(state)).toEqual([9, 8]);
  });

  it('treats a refresh of an unknown order as an arrival and a removal of one as nothing', () => {
    const state = new FeedState();
    state.applySnapshot({ version: 1, orders: [] });
    expect(state.applyEvent(refreshed(2, order(4))).changes).toEqual([
      { kind: 'arrived', number: 4 },
    ]);
    expect(state.applyEvent(removed(3, order(5))).changes).toEqual([]);
    expect(state.version).toBe(3);
  });
});
