import type { Socket } from 'socket.io';

/** Unsent bytes a socket may hold before it is cut off (a client that stopped reading). */
export const OUTPUT_BUDGET_BYTES = 1024 * 1024;

/** Largest packet a client may send us (the feeds only ever receive `sync`). */
export const MAX_INCOMING_PACKET_BYTES = 16 * 1024;

/** Messages a client may send within one second; a board sends a handful an hour. */
export const MAX_INCOMING_PER_SECOND = 50;

interface Packet {
  data?: unknown;
}
type RawSocket = Socket['conn'];
type Transport = RawSocket['transport'];

/**
 * Bounds what one socket can make the server hold for it. Counts the bytes engine.io queues for
 * the socket (`packetCreate`) until its transport reports them written to the operating system
 * (`drain`); a client that stops reading its TCP socket makes that number grow, and past
 * {@link OUTPUT_BUDGET_BYTES} the connection is dropped without waiting for the queue to empty
 * (which would never happen). Uses only engine.io's documented socket and transport events.
 */
export function limitUnsentOutput(
  socket: Socket,
  onExceeded: (unsentBytes: number) => void,
  budgetBytes = OUTPUT_BUDGET_BYTES,
): void {
  const conn = socket.conn;
  let queued = 0;
  let handedOver = 0;
  let exceeded = false;

  const onPacket = (packet: Packet) => {
    queued += packetBytes(packet);
    if (!exceeded && queued + handedOver > budgetBytes) {
      exceeded = true;
      onExceeded(queued + handedOver);
      cutOff(conn);
    }
  };
  const onFlush = (packets: Packet[]) => {
    const bytes = packets.reduce((sum, packet) => sum + packetBytes(packet), 0);
    queued = Math.max(0, queued - bytes);
    handedOver += bytes;
  };
  const onWritten = () => {
    handedOver = 0;
  };

  let transport: Transport = conn.transport;
  transport.on('drain', onWritten);
  const onUpgrade = (next: Transport) => {
    transport.off('drain', onWritten);
    transport = next;
    transport.on('drain', onWritten);
  };
  conn.on('packetCreate', onPacket);
  conn.on('flush', onFlush);
  conn.on('upgrade', onUpgrade);
  conn.once('close', () => {
    conn.off('packetCreate', onPacket);
    conn.off('flush', onFlush);
    conn.off('upgrade', onUpgrade);
    transport.off('drain', onWritten);
  });
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

function packetBytes({ data }: Packet): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data) || data instanceof ArrayBuffer) return data.byteLength;
  return 1;
}
