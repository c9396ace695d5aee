import { io, type Socket } from 'socket.io-client';
import {
  BOARD_NAMESPACE,
  BOARD_EVENTS,
  type BoardClientEvents,
  type BoardServerEvents,
  OrderFeed,
  type OrderFeedStep,
} from '@hubble/contracts';

/**
 * A board that behaves like the real app: reconnects by itself and follows the feed protocol
 * through the same {@link OrderFeed} the apps use (snapshot, changes in version order, `sync` on a
 * gap). Records what it ever showed and when it lost and regained the feed.
 */
export class LiveBoard {
  readonly everShown = new Set<number>();
  readonly disconnects: number[] = [];
  readonly snapshots: number[] = [];
  syncs = 0;
  private readonly feed = new OrderFeed(null, (event) => {
    if (event.name !== BOARD_EVENTS.removed) this.everShown.add(event.payload.order.number);
  });
  private readonly socket: Socket<BoardServerEvents, BoardClientEvents>;

  constructor(baseUrl: string) {
    this.socket = io(new URL(BOARD_NAMESPACE, baseUrl).toString(), {
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    this.socket.on('snapshot', (snapshot) => {
      this.snapshots.push(Date.now());
      snapshot.orders.forEach((order) => this.everShown.add(order.number));
      this.follow(this.feed.applySnapshot(snapshot));
    });
    for (const name of [BOARD_EVENTS.created, BOARD_EVENTS.refreshed] as const) {
      this.socket.on(name, (payload) => this.follow(this.feed.apply({ name, payload })));
    }
    this.socket.on(BOARD_EVENTS.removed, (payload) =>
      this.follow(this.feed.apply({ name: BOARD_EVENTS.removed, payload })),
    );
    this.socket.on('disconnect', () => {
      this.disconnects.push(Date.now());
      this.feed.disconnected(); // the next snapshot is the truth again
    });
  }

  /** The version held while in step with the feed; undefined until (again) synced. */
  get version(): number | undefined {
    return this.feed.isSynced ? (this.feed.version ?? undefined) : undefined;
  }

  get numbers(): number[] {
    return this.feed.numbers.sort((a, b) => a - b);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.socket.close();
  }

  private follow(step: OrderFeedStep): void {
    if (!step.needsSync) return;
    this.syncs += 1;
    this.socket.emit('sync');
  }
}
