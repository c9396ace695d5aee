import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import type { Socket } from 'socket.io';
import { connectionInternals, type ConnectionInternals } from './connection-internals';

interface PacketOptions {
  preEncoded: true;
  volatile?: boolean;
  compress?: boolean;
  /** The whole WebSocket frame (header, payload), built once by the base adapter. */
  wsPreEncodedFrame?: Buffer[];
}
interface AdapterInternals {
  _encode(packet: unknown, options: PacketOptions): unknown[];
  apply(opts: BroadcastOptions, callback: (socket: Socket) => void): void;
}
interface SocketInternals {
  notifyOutgoingListeners?: (packet: unknown) => void;
  client: { writeToEngine(packets: unknown[], options: PacketOptions): void };
}

const WEBSOCKET_OPEN = 1;

/**
 * Sockets a broadcast writes to in one turn of the event loop (about 13 ms): between slices of a
 * broadcast to thousands of boards, webhooks are answered and Aurora's calls go out instead of
 * waiting for all of it (150 ms to 10,000 boards). Not fewer: what runs between two slices (an
 * Aurora answer recorded, say) delays every board of the later slices, and with 256 a slice the
 * middle board of 1,000 got its order about 2 ms later.
 */
const SOCKETS_PER_SLICE = 1024;

interface PendingBroadcast {
  packet: unknown;
  encoded: unknown[];
  options: PacketOptions;
  /** Absent where engine.io must decide (no single text frame, or a volatile packet). */
  frame?: Buffer;
  sockets: Socket[];
  /** The next socket to write to. */
  next: number;
}

/**
 * Socket.IO's in-memory adapter, with a broadcast that writes the frame it encoded once straight
 * to each idle WebSocket's TCP socket. Stock Socket.IO builds a packet object per socket and walks
 * it through engine.io's queue, its flush events and ws's sender, and later its per-socket write
 * callbacks: about two thirds of a broadcast's JavaScript, paid by every board waiting behind it
 * (issue 18). The bytes on the wire are the same.
 *
 * Only where nothing else is queued (so the frame cannot overtake an earlier packet): engine.io
 * open, its transport a WebSocket that is writable (no send in flight) with an empty queue, ws open
 * with nothing held back. Any other socket (long polling, an upgrade, a busy one) takes the stock
 * path. A socket's unsent bytes still show in ws's `bufferedAmount` (output-budget.ts).
 *
 * A broadcast is written {@link SOCKETS_PER_SLICE} sockets a turn, the first slice at once;
 * broadcasts are written one after another, so each socket gets them in the order they were
 * made. (A socket's own packets, such as a snapshot, may reach it before a broadcast made
 * earlier: the feeds' versions let clients ignore what their snapshot already holds.)
 */
export class DirectFrameAdapter extends Adapter {
  protected readonly socketsPerSlice: number = SOCKETS_PER_SLICE;
  private readonly pending: PendingBroadcast[] = [];

  override broadcast(packet: { nsp?: string }, opts: BroadcastOptions): void {
    const flags = opts.flags ?? {};
    const options: PacketOptions = {
      preEncoded: true,
      volatile: flags.volatile,
      compress: flags.compress,
    };
    packet.nsp = this.nsp.name;
    const base = this as unknown as AdapterInternals;
    const encoded = base._encode(packet, options);
    const parts = options.wsPreEncodedFrame;
    // A volatile packet is dropped for a busy socket: engine.io decides that, on the stock path.
    const frame = parts && !flags.volatile ? Buffer.concat(parts) : undefined;
    const broadcast: PendingBroadcast = { packet, encoded, options, frame, sockets: [], next: 0 };
    // Queued before the sockets are listed, so a broadcast made meanwhile (by an outgoing
    // listener) waits behind this one.
    const first = this.pending.push(broadcast) === 1;
    // With nothing queued ahead, the first slice is written while the sockets are listed: listing
    // 1,000 of them first took 0.35 ms, which every board waited for. Otherwise a slice is
    // already scheduled, and this broadcast waits its turn.
    let room = first ? this.socketsPerSlice : 0;
    let failure: { error: unknown } | undefined;
    try {
      base.apply(opts, (socket) => {
        if (room === 0) {
          broadcast.sockets.push(socket);
          return;
        }
        room -= 1;
        try {
          send(broadcast, socket);
        } catch (error) {
          failure ??= { error };
        }
      });
    } finally {
      if (first) {
        if (broadcast.sockets.length === 0) this.pending.shift();
        if (this.pending.length > 0) setImmediate(() => this.writeSlice());
      }
    }
    // As stock Socket.IO does, a throwing outgoing listener's error reaches the caller.
    if (failure) throw failure.error;
  }

  /** Each socket is taken off the queue before it is written to: a throwing listener stalls nothing. */
  private writeSlice(): void {
    try {
      let room = this.socketsPerSlice;
      while (room > 0 && this.pending.length > 0) {
        const head = this.pending[0];
        const socket = head.sockets[head.next++];
        if (head.next >= head.sockets.length) this.pending.shift();
        if (!socket) continue;
        room -= 1;
        send(head, socket);
      }
    } finally {
      if (this.pending.length > 0) setImmediate(() => this.writeSlice());
    }
  }
}

function send(broadcast: PendingBroadcast, socket: Socket): void {
  const internals = socket as unknown as SocketInternals;
  internals.notifyOutgoingListeners?.(broadcast.packet);
  const { frame } = broadcast;
  if (frame && writeFrame(connectionInternals(socket), frame)) return;
  internals.client.writeToEngine(broadcast.encoded, broadcast.options);
}

/** Writes `frame` to the connection's TCP socket if nothing is queued ahead of it. */
function writeFrame(conn: ConnectionInternals, frame: Buffer): boolean {
  const { transport } = conn;
  if (conn.readyState !== 'open' || conn.writeBuffer?.length !== 0) return false;
  if (transport?.name !== 'websocket' || transport.writable !== true) return false;
  const ws = transport.socket;
  const tcp = ws?._socket;
  if (!ws || !tcp || ws.readyState !== WEBSOCKET_OPEN || tcp.destroyed || !tcp.writable) {
    return false;
  }
  if (ws._sender?._bufferedBytes !== 0) return false;
  tcp.write(frame);
  return true;
}
