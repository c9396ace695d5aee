import { io, type Socket } from 'socket.io-client';
import {
  BOARD_NAMESPACE,
  type BoardClientEvents,
  type BoardServerEvents,
  type OrderDto,
} from '@hubble/contracts';

export interface ReceivedEvent {
  name: keyof BoardServerEvents;
  version: number;
  numbers: number[];
  payload: unknown;
}

/** A real socket.io-client on the board feed that records everything it receives, in order. */
export class BoardClient {
  readonly events: ReceivedEvent[] = [];
  private readonly socket: Socket<BoardServerEvents, BoardClientEvents>;
  private waiters: (() => void)[] = [];

  constructor(baseUrl: string) {
    this.socket = io(new URL(BOARD_NAMESPACE, baseUrl).toString(), {
      transports: ['websocket'],
      reconnection: false,
    });
    this.socket.on('snapshot', (payload) =>
      this.record('snapshot', payload.version, payload.orders, payload),
    );
    for (const name of ['order.created', 'order.refreshed', 'order.removed'] as const) {
      this.socket.on(name, (payload: { version: number; order: OrderDto }) =>
        this.record(name, payload.version, [payload.order], payload),
      );
    }
  }

  sync(): void {
    this.socket.emit('sync');
  }

  /** Resolves with the first received event (past or future) matching `match`. */
  async waitFor(
    match: (event: ReceivedEvent) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`Timed out; received: ${JSON.stringify(this.events.map(summary))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }

  private record(
    name: keyof BoardServerEvents,
    version: number,
    orders: OrderDto[],
    payload: unknown,
  ): void {
    this.events.push({ name, version, numbers: orders.map((order) => order.number), payload });
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

function summary(event: ReceivedEvent): string {
  return `${event.name}@${event.version}[${event.numbers.join(',')}]`;
}
