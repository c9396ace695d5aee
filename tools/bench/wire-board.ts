// A board that speaks Socket.IO's wire protocol itself (Engine.IO 4 over a WebSocket, namespace
// /board) instead of running socket.io-client: it reads each event's JSON and nothing else. The
// bench keeps up to 2,500 boards in one process on one core, where socket.io-client's own work per
// message (~20 µs) makes the process decode 1,000 messages more slowly than a server sends them:
// the receipts then time the generator more than the server. A phone does that work on its own
// CPU, in parallel with every other phone; these boards leave it out (`--wire-boards`).
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';

/** Engine.IO packet types, and Socket.IO's within a message packet. */
const OPEN = '0';
const PING = '2';
const PONG = '3';
const NAMESPACE = '/board';
const CONNECT = `40${NAMESPACE},`;
const CONNECT_ERROR = `44${NAMESPACE},`;
const EVENT = `42${NAMESPACE},`;

type Listener = Parameters<EventEmitter['on']>[1];

/** The part of socket.io-client's Socket the load generator uses. */
export interface BoardClient {
  readonly connected: boolean;
  on(event: string, listener: Listener): unknown;
  once(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  connect(): unknown;
  disconnect(): unknown;
  close(): unknown;
}

export class WireBoard extends EventEmitter implements BoardClient {
  connected = false;
  private socket: WebSocket | undefined;

  private readonly url: string;

  constructor(url: string) {
    super();
    this.url = url;
  }

  connect(): this {
    const address = new URL('/socket.io/?EIO=4&transport=websocket', this.url);
    address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = (this.socket = new WebSocket(address, { perMessageDeflate: false }));
    socket.on('message', (data: Buffer, binary: boolean) => {
      if (!binary) this.receive(socket, data.toString());
    });
    socket.on('error', () => this.fail());
    socket.on('close', () => {
      if (this.socket === socket) this.connected = false;
    });
    return this;
  }

  disconnect(): this {
    const socket = this.socket;
    this.socket = undefined;
    this.connected = false;
    socket?.terminate();
    return this;
  }

  close(): this {
    return this.disconnect();
  }

  private receive(socket: WebSocket, packet: string): void {
    if (packet.startsWith(EVENT)) {
      const [name, payload] = JSON.parse(packet.slice(EVENT.length)) as [string, unknown];
      this.emit(name, payload);
    } else if (packet === PING) {
      socket.send(PONG);
    } else if (packet.startsWith(OPEN)) {
      socket.send(CONNECT);
    } else if (packet.startsWith(CONNECT)) {
      this.connected = true;
    } else if (packet.startsWith(CONNECT_ERROR)) {
      this.fail();
    }
  }

  private fail(): void {
    if (this.connected) return;
    this.disconnect();
    this.emit('connect_error');
  }
}
