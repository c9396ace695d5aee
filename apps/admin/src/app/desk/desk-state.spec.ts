import { ADMIN_EVENTS, RECALL_WINDOW_SECONDS } from '@hubble/contracts';
import { describe, expect, it } from 'vitest';
import { audit, delivery, order, removed, snapshot, T0 } from '../testing/fixtures';
import { ACTIVITY_LIMIT, type DeskEvent, DeskState } from './desk-state';

const created = (version: number, number: number, age = 0): DeskEvent => ({
  name: ADMIN_EVENTS.created,
  payload: { version, order: order(number, age) },
});
const refreshed = (version: number, number: number): DeskEvent => ({
  name: ADMIN_EVENTS.refreshed,
  payload: {
    version,
    order: { ...order(number), expiresAt: new Date(T0 + 600_000).toISOString() },
  },
});
const gone = (
  version: number,
  number: number,
  reason: 'staff' | 'expired' = 'staff',
): DeskEvent => ({
  name: ADMIN_EVENTS.removed,
  payload: { version, order: removed(number, 0, reason) },
});
const numbers = (state: DeskState) => state.active.map((o) => o.number);

describe('DeskState', () => {
  it('holds nothing and is not synced before the first snapshot', () => {
    const state = new DeskState();
    expect(state.version).toBeNull();
    expect(state.isSynced).toBe(false);
    expect(state.active).toEqual([]);
  });

  it('shows the snapshot newest first, then applies each next version', () => {
    const state = new DeskState();
    const step = state.applySnapshot(
      snapshot({ version: 7, active: [order(1, 60), order(2, 30)] }),
      T0,
    );
    expect(step).toEqual({ changes: [], needsSync: false });
    expect(numbers(state)).toEqual([2, 1]);

    expect(state.apply(created(8, 3))).toEqual({
      changes: [{ kind: 'arrived', number: 3 }],
      needsSync: false,
    });
    expect(state.apply(refreshed(9, 1)).changes).toEqual([{ kind: 'refreshed', number: 1 }]);
    expect(numbers(state)).toEqual([1, 3, 2]);
    expect(state.apply(gone(10, 2)).changes).toEqual([{ kind: 'left', number: 2 }]);
    expect(numbers(state)).toEqual([1, 3]);
    expect(state.version).toBe(10);
  });

  it('drops changes it already holds (not newer than its version)', () => {
    const state = new DeskState();
    state.applySnapshot(snapshot({ version: 5, active: [order(1)] }), T0);
    expect(state.apply(created(5, 9))).toEqual({ changes: [], needsSync: false });
    expect(state.apply(gone(4, 1))).toEqual({ changes: [], needsSync: false });
    expect(numbers(state)).toEqual([1]);
  });

  it('asks for a sync on a version gap, keeps later events, and replays them on the snapshot', () => {
    const state = new DeskState();
    state.applySnapshot(snapshot({ version: 5, active: [order(1, 60)] }), T0);
    expect(state.apply(created(7, 3))).toEqual({ changes: [], needsSync: true });
    expect(state.isSynced).toBe(false);
    // Arrives while the sync is on its way: waits.
    expect(state.apply(created(8, 4))).toEqual({ changes: [], needsSync: false });
    expect(numbers(state)).toEqual([1]);

    // The snapshot answers at version 7 (with 2 and 3); only 8 is replayed on top.
    const step = state.applySnapshot(
      snapshot({ version: 7, active: [order(1, 60), order(2, 30), order(3, 20)] }),
      T0,
    );
    expect(step.needsSync).toBe(false);
    expect(step.changes).toEqual([
      { kind: 'arrived', number: 2 },
      { kind: 'arrived', number: 3 },
      { kind: 'arrived', number: 4 },
    ]);
    expect(numbers(state)).toEqual([4, 3, 2, 1]);
    expect(state.version).toBe(8);
  });

  it('keeps events that arrive before the snapshot of a connection and replays them in order', () => {
    const state = new DeskState();
    state.apply(created(4, 2));
    state.apply(created(3, 1));
    state.apply({ name: ADMIN_EVENTS.activity, payload: audit(11, 'order.add', 2) });
    const step = state.applySnapshot(snapshot({ version: 2 }), T0);
    expect(step.changes.map((c) => c.number)).toEqual([1, 2]);
    expect(state.version).toBe(4);
    expect(state.activity.map((a) => a.id)).toEqual([11]);
  });

  it('finds a gap in the events kept before a snapshot', () => {
    const state = new DeskState();
    state.apply(created(9, 2));
    expect(state.applySnapshot(snapshot({ version: 2 }), T0).needsSync).toBe(true);
  });

  it('after a reconnect, reports what changed while it was away', () => {
    const state = new DeskState();
    state.applySnapshot(snapshot({ version: 1, active: [order(1), order(2)] }), T0);
    state.disconnected();
    state.apply(created(2, 5)); // before the new snapshot: waits, then is not newer
    const step = state.applySnapshot(
      snapshot({
        version: 3,
        active: [
          order(2),
          { ...order(3) },
          { ...order(1), expiresAt: new Date(T0 + 1).toISOString() },
        ],
      }),
      T0,
    );
    expect(step.changes).toEqual([
      { kind: 'arrived', number: 3 },
      { kind: 'refreshed', number: 1 },
    ]);
    expect(state.has(1) && state.has(2) && state.has(3)).toBe(true);
  });

  describe('Aurora delivery', () => {
    it('shows each order with its delivery state and the error of a retry', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({
          active: [order(1), order(2), order(3)],
          deliveries: [
            delivery(1, 'delivered'),
            delivery(2, 'retrying', 0, { lastError: 'HTTP 503', attempts: 3 }),
          ],
        }),
        T0,
      );
      const byNumber = new Map(state.active.map((o) => [o.number, o]));
      expect(byNumber.get(1)?.aurora).toBe('delivered');
      expect(byNumber.get(2)).toMatchObject({
        aurora: 'retrying',
        auroraError: 'HTTP 503',
        auroraAttempts: 3,
      });
      // No delivery known yet: the call is about to be made.
      expect(byNumber.get(3)?.aurora).toBe('pending');
    });

    it('takes newer states and ignores older ones', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({ active: [order(1)], deliveries: [delivery(1, 'pending', 5)] }),
        T0,
      );
      state.apply({
        name: ADMIN_EVENTS.delivery,
        payload: delivery(1, 'failed', 9, { lastError: 'HTTP 401' }),
      });
      state.apply({ name: ADMIN_EVENTS.delivery, payload: delivery(1, 'delivered', 7) });
      expect(state.active[0]).toMatchObject({ aurora: 'failed', auroraError: 'HTTP 401' });
    });

    it('does not let a replayed older state overwrite the snapshot', () => {
      const state = new DeskState();
      state.apply({ name: ADMIN_EVENTS.delivery, payload: delivery(1, 'pending', 1) });
      state.applySnapshot(
        snapshot({ active: [order(1)], deliveries: [delivery(1, 'delivered', 2)] }),
        T0,
      );
      expect(state.active[0].aurora).toBe('delivered');
    });

    it('says off for every order when sync is off', () => {
      const state = new DeskState();
      state.applySnapshot(snapshot({ active: [order(1)], deliveries: [delivery(1, 'off')] }), T0);
      state.apply(created(2, 2));
      expect(state.active.map((o) => o.aurora)).toEqual(['off', 'off']);
    });

    it('says off for orders after an empty snapshot once the server said sync is off', () => {
      const state = new DeskState();
      state.applySnapshot(snapshot({ version: 1 }), T0);
      state.apply(created(2, 5));
      expect(state.active[0].aurora).toBe('pending');
      state.setAuroraSync(false);
      expect(state.active[0].aurora).toBe('off');
      state.setAuroraSync(true);
      expect(state.active[0].aurora).toBe('pending');
    });

    it('forgets a removed order’s state, so a number that comes back starts as pending', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({ active: [order(1)], deliveries: [delivery(1, 'delivered')] }),
        T0,
      );
      state.apply(gone(2, 1));
      state.apply({
        name: ADMIN_EVENTS.delivery,
        payload: delivery(1, 'delivered', 3, { action: 'remove' }),
      });
      state.apply(created(3, 1));
      expect(state.active[0].aurora).toBe('pending');
    });
  });

  describe('recently removed', () => {
    it('lists removals newest first, one per number, without numbers that are active again', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({
          version: 1,
          active: [order(4)],
          recentlyRemoved: [removed(2, 60), removed(4, 30)],
        }),
        T0,
      );
      state.apply(gone(2, 3, 'expired'));
      const list = state.recallable(T0);
      expect(list.map((o) => [o.number, o.removedReason])).toEqual([
        [3, 'expired'],
        [2, 'staff'],
      ]);
    });

    it('drops removals older than the recall window (server clock)', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({ recentlyRemoved: [removed(1, 10), removed(2, RECALL_WINDOW_SECONDS - 5)] }),
        T0,
      );
      expect(state.recallable(T0).map((o) => o.number)).toEqual([1, 2]);
      expect(state.recallable(T0 + 10_000).map((o) => o.number)).toEqual([1]);
    });

    it('keeps the latest removal of a number', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({ version: 1, active: [order(7)], recentlyRemoved: [removed(7, 100)] }),
        T0,
      );
      state.apply(gone(2, 7));
      expect(state.recallable(T0).map((o) => o.removedAt)).toEqual([removed(7, 0).removedAt]);
    });
  });

  describe('activity', () => {
    it('merges entries by id, newest first, and keeps a bounded list', () => {
      const state = new DeskState();
      state.applySnapshot(
        snapshot({ activity: [audit(3, 'login'), audit(2, 'order.add', 5)] }),
        T0,
      );
      state.apply({ name: ADMIN_EVENTS.activity, payload: audit(4, 'order.remove', 5) });
      state.apply({ name: ADMIN_EVENTS.activity, payload: audit(3, 'login') });
      expect(state.activity.map((a) => a.id)).toEqual([4, 3, 2]);
      for (let id = 10; id < 10 + ACTIVITY_LIMIT + 5; id++) {
        state.apply({ name: ADMIN_EVENTS.activity, payload: audit(id, 'login') });
      }
      expect(state.activity).toHaveLength(ACTIVITY_LIMIT);
      expect(state.activity[0].id).toBe(10 + ACTIVITY_LIMIT + 4);
    });
  });

  it('measures the device clock against the server clock at each snapshot', () => {
    const state = new DeskState();
    // The device is 90 s behind the server.
    state.applySnapshot(snapshot({ serverTime: new Date(T0).toISOString() }), T0 - 90_000);
    expect(state.clockOffsetMs).toBe(90_000);
  });
});
