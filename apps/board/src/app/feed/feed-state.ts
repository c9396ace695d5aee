import {
  type BoardSnapshot,
  OrderFeed,
  type OrderDto,
  type OrderFeedChange,
  type OrderFeedEvent,
  type OrderFeedStep,
} from '@hubble/contracts';

/** A change event of the board feed, as received. */
export type FeedEvent = OrderFeedEvent;

/** What a snapshot or event changed on the board, for animations, announcements and alerts. */
export type BoardChange = OrderFeedChange;

export type FeedStep = OrderFeedStep;

/**
 * The board's view of the feed, free of Angular and Socket.IO so it can be tested on its own:
 * the shared {@link OrderFeed} protocol, plus what the board keeps on the device.
 */
export class FeedState {
  private readonly feed: OrderFeed;

  /** Starts from a snapshot kept on the device (the last known orders), not synced yet. */
  constructor(restored?: BoardSnapshot | null) {
    this.feed = new OrderFeed(restored);
  }

  /** The feed version of what we hold; null before any snapshot. */
  get version(): number | null {
    return this.feed.version;
  }

  get isSynced(): boolean {
    return this.feed.isSynced;
  }

  /** The active orders, newest first (most recently announced first). */
  get list(): OrderDto[] {
    return this.feed.list;
  }

  has(number: number): boolean {
    return this.feed.has(number);
  }

  /** What to keep on the device. */
  toSnapshot(): BoardSnapshot {
    return { version: this.feed.version ?? 0, orders: this.feed.list };
  }

  /** The connection is gone: the next snapshot is authoritative, events wait for it. */
  disconnected(): void {
    this.feed.disconnected();
  }

  applySnapshot(snapshot: BoardSnapshot): FeedStep {
    return this.feed.applySnapshot(snapshot);
  }

  applyEvent(event: FeedEvent): FeedStep {
    return this.feed.apply(event);
  }
}
