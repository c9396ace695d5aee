import type { Socket } from 'socket.io';
import {
  connectionInternals,
  type ConnectionInternals,
  type QueuedPacket,
} from './connection-internals';

/** Unsent bytes a socket may hold before it is cut off (a client that stopped reading). */
export const OUTPUT_BUDGET_BYTES = 1024 * 1024;

/** Largest packet a client may send us (the feeds only ever receive `sync`). */
export const MAX_INCOMING_PACKET_BYTES = 16 * 1024;

/** Messages a client may send within one second; a board sends a handful an hour. */
export const MAX_INCOMING_PER_SECOND = 50;

/** How often the unsent output of every watched socket is measured. */
export const OUTPUT_CHECK_INTERVAL_MS = 1000;

type RawSocket = Socket['conn'];

/**
 * Bounds what one socket can make the server hold for it. Every {@link OUTPUT_CHECK_INTERVAL_MS}
 * it measures each watched socket's unsent output: packets engine.io still queues plus bytes the
 * WebSocket has not yet written to the OS. A client that stops reading its TCP socket makes that
 * grow; past {@link OUTPUT_BUDGET_BYTES} the connection is dropped without waiting for the queue to
 * empty (which would never happen). A client that reads keeps it near zero.
 *
 * Measured in a sweep, not per packet: counting every packet cost a few listener calls per socket
 * and broadcast, about a tenth of a broadcast to 1,000 boards (docs/benchmarks.md). Between two
 * sweeps a board is sent a few kilobytes at most (changes, paced snapshots), so the bound holds
 * within that.
 */
export class OutputBudget {
  private readonly watched = new Map<Socket, (unsentBytes: number) => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly budgetBytes = OUTPUT_BUDGET_BYTES,
    private readonly intervalMs = OUTPUT_CHECK_INTERVAL_MS,
  ) {}

  /** Watches `socket` until it closes; `onExceeded` is told the unsent bytes when it is cut off. */
  watch(socket: Socket, onExceeded: (unsentBytes: number) => void): void {
    if (socket.conn.readyState === 'closed') return;
    this.watched.set(socket, onExceeded);
    socket.conn.once('close', () => this.forget(socket));
    this.timer ??= setInterval(() => this.check(), this.intervalMs).unref();
  }

  /** Stops measuring (the gateway is shutting down; the next watched socket starts it again). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Measures every watched socket now and cuts off those past the budget. */
  check(): void {
    for (const [socket, onExceeded] of this.watched) {
      // Never held past its end, even if its close went unseen.
      if (socket.conn.readyState === 'closed') {
        this.forget(socket);
        continue;
      }
      const unsent = unsentBytes(connectionInternals(socket));
      if (unsent <= this.budgetBytes) continue;
      this.forget(socket);
      onExceeded(unsent);
      cutOff(socket.conn);
    }
  }

  /** No timer runs while no socket is watched (an idle server is not woken for nothing). */
  private forget(socket: Socket): void {
    this.watched.delete(socket);
    if (this.watched.size === 0) this.stop();
  }
}

/** Packets engine.io still queues plus, for a WebSocket, bytes ws has not handed to the OS. */
function unsentBytes(conn: ConnectionInternals): number {
  let bytes = 0;
  for (const packet of conn.writeBuffer ?? []) bytes += packetBytes(packet);
  const buffered = conn.transport?.socket?.bufferedAmount;
  return typeof buffered === 'number' ? bytes + buffered : bytes;
}

/**
 * Drops a client that floods us with messages: parsing them alone would cost a core and leave
 * garbage behind faster than it is collected, whatever we answer.
 */
export function limitIncomingRate(
  socket: Socket,
  onExceeded: () => void,
  perSecond = MAX_INCOMING_PER_SECOND,
): void {
  const conn = socket.conn;
  let windowStartedAt = Date.now();
  let count = 0;
  const onPacket = (packet: { type: string }) => {
    if (packet.type !== 'message') return;
    const now = Date.now();
    if (now - windowStartedAt >= 1000) {
      windowStartedAt = now;
      count = 0;
    }
    count += 1;
    if (count === perSecond + 1) {
      onExceeded();
      cutOff(conn);
    }
  };
  conn.on('packet', onPacket);
  conn.once('close', () => conn.off('packet', onPacket));
}

/**
 * Ends the connection now. `close(true)` discards the queue (an orderly close would wait for a
 * drain that never comes); a WebSocket's closing handshake would still wait up to 30 s for a
 * client that does not read, so a session that began as a WebSocket also loses its TCP socket.
 */
function cutOff(conn: RawSocket): void {
  conn.close(true);
  const { request } = conn;
  if (request.headers.upgrade?.toLowerCase() === 'websocket') request.socket.destroy();
}

function packetBytes({ data }: QueuedPacket): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data) || data instanceof ArrayBuffer) return data.byteLength;
  return 1;
}
