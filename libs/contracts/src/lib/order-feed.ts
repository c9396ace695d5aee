import {
  BOARD_EVENTS,
  type BoardOrderChange,
  type BoardOrderRemoval,
  type BoardSnapshot,
} from './board-feed';
import type { OrderDto } from './order';

/** An order change of a live feed (`/board` or `/admin`: the same names and payloads). */
export type OrderFeedEvent =
  | { name: typeof BOARD_EVENTS.created | typeof BOARD_EVENTS.refreshed; payload: BoardOrderChange }
  | { name: typeof BOARD_EVENTS.removed; payload: BoardOrderRemoval };

/** What a snapshot or change did to the active orders, for animations, alerts and highlights. */
export interface OrderFeedChange {
  kind: 'arrived' | 'refreshed' | 'left';
  number: number;
}

export interface OrderFeedStep {
  /** The changes to show, in order. Empty for the very first snapshot. */
  changes: OrderFeedChange[];
  /** A version gap was seen: the client must emit `sync` to get a fresh snapshot. */
  needsSync: boolean;
}

const NOTHING: OrderFeedStep = { changes: [], needsSync: false };

/**
 * A client's view of the active orders on a live feed, free of any framework: the protocol of the
 * README's "The board feed", shared by the board, the desk and the test clients.
 *
 * A snapshot on every (re)connect and in answer to `sync`; then changes, each one version higher
 * than the last. Changes that arrive before the snapshot of the current connection are kept and
 * replayed on top of it; changes not newer than what we hold are dropped; a jump in version is a
 * gap, answered with `sync`. `onApplied` sees every change that is applied (not dropped).
 */
export class OrderFeed {
  private readonly orders = new Map<number, OrderDto>();
  private held: number | null = null;
  /** True while we hold a snapshot of the current connection and every change after it. */
  private synced = false;
  private pending: OrderFeedEvent[] = [];

  /** `restored`: a snapshot kept on the device (the last known orders), not synced yet. */
  constructor(
    restored?: BoardSnapshot | null,
    private readonly onApplied: (event: OrderFeedEvent) => void = () => undefined,
  ) {
    if (restored) {
      for (const order of restored.orders) this.orders.set(order.number, pickOrder(order));
      this.held = restored.version;
    }
  }

  /** The feed version of what we hold; null before any snapshot. */
  get version(): number | null {
    return this.held;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  /** The active orders, newest first (a refreshed order moves back to the top). */
  get list(): OrderDto[] {
    return [...this.orders.values()].sort(newestFirst);
  }

  get numbers(): number[] {
    return [...this.orders.keys()];
  }

  has(number: number): boolean {
    return this.orders.has(number);
  }

  /** The connection is gone: the next snapshot is authoritative, changes wait for it. */
  disconnected(): void {
    this.synced = false;
    this.pending = [];
  }

  /**
   * Replaces what we hold, diffs it against what we held before, replays what waited.
   * `beforeReplay` runs once the snapshot is in place and before the waiting changes are.
   */
  applySnapshot(snapshot: BoardSnapshot, beforeReplay?: () => void): OrderFeedStep {
    const before = new Map(this.orders);
    const hadBaseline = this.held !== null;
    this.orders.clear();
    for (const order of snapshot.orders) this.orders.set(order.number, pickOrder(order));
    this.held = snapshot.version;
    this.synced = true;

    const changes: OrderFeedChange[] = [];
    if (hadBaseline) {
      for (const [number, order] of this.orders) {
        const old = before.get(number);
        if (!old) changes.push({ kind: 'arrived', number });
        else if (old.expiresAt !== order.expiresAt) changes.push({ kind: 'refreshed', number });
      }
      for (const number of before.keys()) {
        if (!this.orders.has(number)) changes.push({ kind: 'left', number });
      }
    }

    beforeReplay?.();
    const waiting = this.pending.sort((a, b) => a.payload.version - b.payload.version);
    this.pending = [];
    for (const event of waiting) {
      const step = this.apply(event);
      changes.push(...step.changes);
      if (step.needsSync) return { changes, needsSync: true };
    }
    return { changes, needsSync: false };
  }

  apply(event: OrderFeedEvent): OrderFeedStep {
    if (!this.synced) {
      this.pending.push(event);
      return NOTHING;
    }
    const { version, order } = event.payload;
    if (this.held !== null && version <= this.held) return NOTHING;
    if (this.held !== null && version > this.held + 1) {
      // Missed at least one change: wait for the snapshot `sync` brings, keep what comes meanwhile.
      this.synced = false;
      this.pending = [event];
      return { changes: [], needsSync: true };
    }
    this.held = version;
    const had = this.orders.has(order.number);
    if (event.name === BOARD_EVENTS.removed) {
      this.orders.delete(order.number);
      this.onApplied(event);
      return { changes: had ? [{ kind: 'left', number: order.number }] : [], needsSync: false };
    }
    this.orders.set(order.number, pickOrder(order));
    this.onApplied(event);
    return {
      changes: [{ kind: had ? 'refreshed' : 'arrived', number: order.number }],
      needsSync: false,
    };
  }
}

/** Only the OrderDto fields (a removal's order carries more). */
function pickOrder(order: OrderDto): OrderDto {
  return {
    number: order.number,
    source: order.source,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
  };
}

/**
 * Newest first. An order's expiresAt is its last announcement plus the (fixed) timeout, so sorting
 * on it puts a refreshed order back on top, where people look.
 */
function newestFirst(a: OrderDto, b: OrderDto): number {
  return (
    Date.parse(b.expiresAt) - Date.parse(a.expiresAt) ||
    Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
    b.number - a.number
  );
}
