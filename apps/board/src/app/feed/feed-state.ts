import {
  BOARD_EVENTS,
  type BoardOrderChange,
  type BoardOrderRemoval,
  type BoardSnapshot,
  type OrderDto,
} from '@hubble/contracts';

/** A change event of the board feed, as received. */
export type FeedEvent =
  | { name: typeof BOARD_EVENTS.created | typeof BOARD_EVENTS.refreshed; payload: BoardOrderChange }
  | { name: typeof BOARD_EVENTS.removed; payload: BoardOrderRemoval };

/** What a snapshot or event changed on the board, for animations, announcements and alerts. */
export interface BoardChange {
  kind: 'arrived' | 'refreshed' | 'left';
  number: number;
}

export interface FeedStep {
  /** The changes the board should show, in order. Empty for the very first snapshot. */
  changes: BoardChange[];
  /** A version gap was seen: the client must emit `sync` to get a fresh snapshot. */
  needsSync: boolean;
}

const NOTHING: FeedStep = { changes: [], needsSync: false };

/**
 * The board's view of the feed, free of Angular and Socket.IO so it can be tested on its own.
 *
 * Protocol (README, "The board feed"): a snapshot on every (re)connect and in answer to `sync`;
 * then changes, each one version higher than the last. Events that arrive before the snapshot of
 * the current connection are kept and replayed on top of it; events not newer than what we hold
 * are dropped; a jump in version is a gap, answered with `sync`.
 */
export class FeedState {
  private readonly orders = new Map<number, OrderDto>();
  private held: number | null = null;
  /** True while we hold a snapshot of the current connection and every change after it. */
  private synced = false;
  /** Whether we hold anything to compare a snapshot with (a previous or restored one). */
  private baseline = false;
  private pending: FeedEvent[] = [];

  /** Starts from a snapshot kept on the device (the last known orders), not synced yet. */
  constructor(restored?: BoardSnapshot | null) {
    if (restored) {
      for (const order of restored.orders) this.orders.set(order.number, order);
      this.held = restored.version;
      this.baseline = true;
    }
  }

  /** The feed version of what we hold; null before any snapshot. */
  get version(): number | null {
    return this.held;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  /** The active orders, newest first (most recently announced first). */
  get list(): OrderDto[] {
    return [...this.orders.values()].sort(newestFirst);
  }

  has(number: number): boolean {
    return this.orders.has(number);
  }

  /** What to keep on the device. */
  toSnapshot(): BoardSnapshot {
    return { version: this.held ?? 0, orders: this.list };
  }

  /** The connection is gone: the next snapshot is authoritative, events wait for it. */
  disconnected(): void {
    this.synced = false;
    this.pending = [];
  }

  applySnapshot(snapshot: BoardSnapshot): FeedStep {
    const before = new Map(this.orders);
    this.orders.clear();
    for (const order of snapshot.orders) this.orders.set(order.number, order);
    this.held = snapshot.version;
    this.synced = true;

    const changes: BoardChange[] = [];
    if (this.baseline) {
      for (const [number, order] of this.orders) {
        const old = before.get(number);
        if (!old) changes.push({ kind: 'arrived', number });
        else if (old.expiresAt !== order.expiresAt) changes.push({ kind: 'refreshed', number });
      }
      for (const number of before.keys()) {
        if (!this.orders.has(number)) changes.push({ kind: 'left', number });
      }
    }
    this.baseline = true;

    const waiting = this.pending.sort((a, b) => a.payload.version - b.payload.version);
    this.pending = [];
    let needsSync = false;
    for (const event of waiting) {
      const step = this.applyEvent(event);
      changes.push(...step.changes);
      if (step.needsSync) {
        needsSync = true;
        break;
      }
    }
    return { changes, needsSync };
  }

  applyEvent(event: FeedEvent): FeedStep {
    if (!this.synced) {
      this.pending.push(event);
      return NOTHING;
    }
    const { version } = event.payload;
    if (this.held !== null && version <= this.held) return NOTHING;
    if (this.held !== null && version > this.held + 1) {
      // Missed at least one change: wait for the snapshot `sync` brings, keep what comes meanwhile.
      this.synced = false;
      this.pending = [event];
      return { changes: [], needsSync: true };
    }
    this.held = version;
    const { order } = event.payload;
    const had = this.orders.has(order.number);
    if (event.name === BOARD_EVENTS.removed) {
      this.orders.delete(order.number);
      return { changes: had ? [{ kind: 'left', number: order.number }] : [], needsSync: false };
    }
    this.orders.set(order.number, {
      number: order.number,
      source: order.source,
      createdAt: order.createdAt,
      expiresAt: order.expiresAt,
    });
    return {
      changes: [{ kind: had ? 'refreshed' : 'arrived', number: order.number }],
      needsSync: false,
    };
  }
}

/**
 * Newest first. An order's expiresAt is its last announcement plus the (fixed) timeout, so sorting
 * on it puts a refreshed order back on top, where the customer looks.
 */
function newestFirst(a: OrderDto, b: OrderDto): number {
  return (
    Date.parse(b.expiresAt) - Date.parse(a.expiresAt) ||
    Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
    b.number - a.number
  );
}
