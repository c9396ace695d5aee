import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import type { Socket } from 'socket.io';

/** What engine.io, ws and socket.io hold for a connection without typing it publicly. */
interface Connection {
  readyState: string;
  writeBuffer: unknown[];
  transport: {
    name: string;
    writable: boolean;
    socket?: WebSocketInternals;
  };
}
interface WebSocketInternals {
  readyState: number;
  _socket?: NodeJS.WritableStream & { destroyed: boolean; writable: boolean };
  _sender?: { _bufferedBytes: number };
}
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
 */
export class DirectFrameAdapter extends Adapter {
  override broadcast(packet: { nsp?: string }, opts: BroadcastOptions): void {
    const flags = opts.flags ?? {};
    if (flags.volatile) {
      super.broadcast(packet, opts);
      return;
    }
    const packetOptions: PacketOptions = { preEncoded: true, compress: flags.compress };
    packet.nsp = this.nsp.name;
    const base = this as unknown as AdapterInternals;
    const encoded = base._encode(packet, packetOptions);
    const parts = packetOptions.wsPreEncodedFrame;
    const frame = parts ? Buffer.concat(parts) : undefined;
    base.apply(opts, (socket) => {
      const internals = socket as unknown as SocketInternals;
      internals.notifyOutgoingListeners?.(packet);
      if (frame && writeFrame(socket.conn as unknown as Connection, frame)) return;
      internals.client.writeToEngine(encoded, packetOptions);
    });
  }
}

/** Writes `frame` to the connection's TCP socket if nothing is queued ahead of it. */
function writeFrame(conn: Connection, frame: Buffer): boolean {
  const { transport } = conn;
  if (conn.readyState !== 'open' || conn.writeBuffer.length > 0) return false;
  if (transport.name !== 'websocket' || !transport.writable) return false;
  const ws = transport.socket;
  const tcp = ws?._socket;
  if (!ws || !tcp || ws.readyState !== WEBSOCKET_OPEN || tcp.destroyed || !tcp.writable) {
    return false;
  }
  if ((ws._sender?._bufferedBytes ?? 0) > 0) return false;
  tcp.write(frame);
  return true;
}
