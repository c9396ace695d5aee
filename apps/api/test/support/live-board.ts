import { io, type Socket } from 'socket.io-client';
import {
  BOARD_NAMESPACE,
  type BoardClientEvents,
  type BoardOrderChange,
  type BoardOrderRemoval,
  type BoardServerEvents,
  type BoardSnapshot,
} from '@hubble/contracts';

type Change =
  { kind: 'upsert'; payload: BoardOrderChange } | { kind: 'remove'; payload: BoardOrderRemoval };

/**
 * A board that behaves like the real app: reconnects by itself, applies each snapshot, applies
 * changes in version order, keeps changes that arrive before a snapshot, and asks for `sync` on a
 * gap. Records what it ever showed and when it lost and regained the feed.
 */
export class LiveBoard {
  version: number | undefined;
  readonly shown = new Map<number, string>();
  readonly everShown = new Set<number>();
  readonly disconnects: number[] = [];
  readonly snapshots: number[] = [];
  syncs = 0;
  private pending: Change[] = [];
  private readonly socket: Socket<BoardServerEvents, BoardClientEvents>;

  constructor(baseUrl: string) {
    this.socket = io(new URL(BOARD_NAMESPACE, baseUrl).toString(), {
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    this.socket.on('snapshot', (snapshot) => this.applySnapshot(snapshot));
    this.socket.on('order.created', (payload) => this.receive({ kind: 'upsert', payload }));
    this.socket.on('order.refreshed', (payload) => this.receive({ kind: 'upsert', payload }));
    this.socket.on('order.removed', (payload) => this.receive({ kind: 'remove', payload }));
    this.socket.on('disconnect', () => {
      this.disconnects.push(Date.now());
      this.version = undefined; // the next snapshot is the truth again
    });
  }

  get numbers(): number[] {
    return [...this.shown.keys()].sort((a, b) => a - b);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.socket.close();
  }

  private applySnapshot(snapshot: BoardSnapshot): void {
    this.snapshots.push(Date.now());
    this.version = snapshot.version;
    this.shown.clear();
    for (const order of snapshot.orders) this.show(order.number, order.expiresAt);
    const later = this.pending.filter((change) => change.payload.version > snapshot.version);
    this.pending = [];
    later
      .sort((a, b) => a.payload.version - b.payload.version)
      .forEach((change) => this.receive(change));
  }

  private receive(change: Change): void {
    if (this.version === undefined) {
      this.pending.push(change);
      return;
    }
    const { version } = change.payload;
    if (version <= this.version) return;
    if (version !== this.version + 1) {
      this.pending.push(change);
      this.version = undefined;
      this.syncs += 1;
      this.socket.emit('sync');
      return;
    }
    this.version = version;
    if (change.kind === 'upsert')
      this.show(change.payload.order.number, change.payload.order.expiresAt);
    else this.shown.delete(change.payload.order.number);
  }

  private show(number: number, expiresAt: string): void {
    this.shown.set(number, expiresAt);
    this.everShown.add(number);
  }
}
