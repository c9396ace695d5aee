import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Namespace, Server, type Socket as ServerSocket } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { DirectFrameAdapter } from './direct-frame-adapter';

/** Three sockets a turn, so a handful of clients spans several slices. */
class SmallSlices extends DirectFrameAdapter {
  protected override readonly socketsPerSlice = 3;
}

/** A real Socket.IO server on the direct-frame adapter, and real clients. */
class Harness {
  readonly http: HttpServer = createServer();
  readonly io: Server;
  private readonly clients: ClientSocket[] = [];
  private readonly connected: ServerSocket[] = [];
  private waiting: ((socket: ServerSocket) => void)[] = [];
  readonly feed: Namespace;

  constructor(adapter: typeof DirectFrameAdapter = DirectFrameAdapter) {
    this.io = new Server(this.http, { adapter, perMessageDeflate: false, serveClient: false });
    this.feed = this.io.of('/feed');
    this.feed.on('connection', (socket) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter(socket);
      else this.connected.push(socket);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
  }

  /** A client on `transports`, with its server-side socket once it is connected. */
  async connect(
    transports: ('websocket' | 'polling')[],
  ): Promise<{ client: ClientSocket; socket: ServerSocket }> {
    const { port } = this.http.address() as AddressInfo;
    const serverSide = new Promise<ServerSocket>((resolve) => {
      const ready = this.connected.shift();
      if (ready) resolve(ready);
      else this.waiting.push(resolve);
    });
    const client = io(`http://127.0.0.1:${port}/feed`, { transports, forceNew: true });
    this.clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    return { client, socket: await serverSide };
  }

  async close(): Promise<void> {
    this.clients.forEach((client) => client.close());
    await this.io.close();
  }
}

/** Counts the packets engine.io builds for `socket`: the stock path builds one per message. */
function countStockPackets(socket: ServerSocket): () => number {
  let count = 0;
  socket.conn.on('packetCreate', (packet: { type: string }) => {
    if (packet.type === 'message') count += 1;
  });
  return () => count;
}

/** Bytes the server has written to this client's TCP socket so far. */
function bytesWritten(socket: ServerSocket): number {
  const transport = socket.conn.transport as unknown as { socket: { _socket: Socket } };
  return transport.socket._socket.bytesWritten;
}

/** Runs `action` as the first packet (a broadcast or its own) is sent to `socket`. */
function onFirstOutgoing(socket: ServerSocket, action: () => void): void {
  let done = false;
  socket.onAnyOutgoing(() => {
    if (done) return;
    done = true;
    action();
  });
}

function collect(client: ClientSocket, event: string, count: number): Promise<unknown[]> {
  const seen: unknown[] = [];
  return new Promise((resolve) => {
    client.on(event, (value: unknown) => {
      seen.push(value);
      if (seen.length === count) resolve(seen);
    });
  });
}

describe('DirectFrameAdapter', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = new Harness();
    await harness.listen();
  });
  afterEach(() => harness.close());

  /** A fresh server that writes three sockets a turn, with `count` WebSocket clients. */
  async function onSmallSlices(count: number) {
    await harness.close();
    harness = new Harness(SmallSlices);
    await harness.listen();
    const boards = [];
    for (let i = 0; i < count; i++) boards.push(await harness.connect(['websocket']));
    return boards;
  }

  it('writes a broadcast a slice of sockets a turn, each socket getting broadcasts in order', async () => {
    const boards = await onSmallSlices(8);
    const received = boards.map(({ client }) => collect(client, 'seq', 4));
    const before = boards.map(({ socket }) => bytesWritten(socket));

    for (let version = 1; version <= 4; version++) harness.feed.emit('seq', version);
    const reachedAtOnce = boards.filter(({ socket }, i) => bytesWritten(socket) > before[i]);

    // The first slice is written at once, the rest in later turns of the event loop.
    expect(reachedAtOnce).toHaveLength(3);
    expect(await Promise.all(received)).toEqual(boards.map(() => [1, 2, 3, 4]));
  });

  it('writes the first socket before it lists the others', async () => {
    const boards = [];
    for (let i = 0; i < 4; i++) boards.push(await harness.connect(['websocket']));
    const adapter = harness.feed.adapter as unknown as {
      apply(opts: unknown, callback: (socket: ServerSocket) => void): void;
    };
    const listing = adapter.apply.bind(adapter);
    let listed = 0;
    adapter.apply = (opts, callback) =>
      listing(opts, (socket) => {
        listed += 1;
        callback(socket);
      });
    const listedAtWrite: number[] = [];
    boards.forEach(({ socket }) => socket.onAnyOutgoing(() => listedAtWrite.push(listed)));
    const received = boards.map(({ client }) => collect(client, 'seq', 1));

    harness.feed.emit('seq', 1);

    expect(listedAtWrite).toEqual([1, 2, 3, 4]);
    expect(await Promise.all(received)).toEqual(boards.map(() => [1]));
  });

  it('keeps a broadcast made while one is written behind it, for every socket', async () => {
    const boards = await onSmallSlices(5);
    onFirstOutgoing(boards[0].socket, () => harness.feed.emit('seq', 2));
    const received = boards.map(({ client }) => collect(client, 'seq', 2));

    harness.feed.emit('seq', 1);

    expect(await Promise.all(received)).toEqual(boards.map(() => [1, 2]));
  });

  it('goes on with the other sockets and later broadcasts when a listener throws', async () => {
    const boards = await onSmallSlices(5);
    onFirstOutgoing(boards[1].socket, () => {
      throw new Error('a listener failed');
    });
    const received = boards.map(({ client }, i) => collect(client, 'seq', i === 1 ? 1 : 2));

    // Thrown to the caller, as stock Socket.IO does; the broadcast still reaches the others.
    expect(() => harness.feed.emit('seq', 1)).toThrow('a listener failed');
    harness.feed.emit('seq', 2);

    const seen = await Promise.all(received);
    expect(seen).toEqual([[1, 2], [2], [1, 2], [1, 2], [1, 2]]);
  });

  it('writes a broadcast frame straight to each idle WebSocket, received as Socket.IO sent it', async () => {
    const a = await harness.connect(['websocket']);
    const b = await harness.connect(['websocket']);
    const stockA = countStockPackets(a.socket);
    const stockB = countStockPackets(b.socket);
    const payload = { version: 7, order: { number: 42, note: 'ünïcødé ☕', list: [1, 2, 3] } };
    const atA = collect(a.client, 'order.created', 1);
    const atB = collect(b.client, 'order.created', 1);

    harness.feed.emit('order.created', payload);

    expect(await atA).toEqual([payload]);
    expect(await atB).toEqual([payload]);
    // Without the direct path each socket would have had a packet built by engine.io.
    expect(stockA()).toBe(0);
    expect(stockB()).toBe(0);
  });

  it("keeps each socket's order when broadcasts meet packets still queued for it", async () => {
    const { client, socket } = await harness.connect(['websocket']);
    const stock = countStockPackets(socket);
    const total = 300;
    const received = collect(client, 'seq', total);

    // A large packet of its own first, so the socket is busy (a send in flight, a queue behind
    // it) while broadcasts and more of its own packets follow in the same turn.
    socket.emit('seq', -1);
    const big = 'x'.repeat(512 * 1024);
    for (let i = 0; i < total - 1; i++) {
      if (i % 3 === 0) socket.emit('seq', i === 0 ? big : i);
      else harness.feed.emit('seq', i);
    }

    const seen = (await received).map((value) => (value === big ? 0 : value));
    expect(seen).toEqual([-1, ...Array.from({ length: total - 1 }, (_, i) => i)]);
    // Broadcasts met a busy socket and took the stock path behind what was queued.
    expect(stock()).toBeGreaterThan(total / 3);
  });

  it('sends through engine.io to a long-polling client', async () => {
    const { client, socket } = await harness.connect(['polling']);
    const stock = countStockPackets(socket);
    const received = collect(client, 'order.removed', 2);

    harness.feed.emit('order.removed', { version: 1, number: 5 });
    harness.feed.emit('order.removed', { version: 2, number: 6 });

    expect(await received).toEqual([
      { version: 1, number: 5 },
      { version: 2, number: 6 },
    ]);
    expect(stock()).toBe(2);
  });

  it('honours rooms, exceptions, volatile broadcasts and outgoing listeners as stock Socket.IO does', async () => {
    const inRoom = await harness.connect(['websocket']);
    const outside = await harness.connect(['websocket']);
    await inRoom.socket.join('kitchen');
    const outgoing: unknown[] = [];
    inRoom.socket.onAnyOutgoing((event: string, value: unknown) => outgoing.push([event, value]));
    const roomSeen: unknown[] = [];
    const outsideSeen: unknown[] = [];
    inRoom.client.on('note', (value: unknown) => roomSeen.push(value));
    outside.client.on('note', (value: unknown) => outsideSeen.push(value));
    const done = collect(outside.client, 'done', 1);
    const doneInRoom = collect(inRoom.client, 'done', 1);

    // Volatile first: stock Socket.IO drops a volatile packet for a socket with a send in flight.
    harness.feed.volatile.emit('note', 'volatile');
    harness.feed.to('kitchen').emit('note', 'room only');
    harness.feed.except('kitchen').emit('note', 'all but the room');
    harness.feed.emit('done', true);
    await Promise.all([done, doneInRoom]);

    expect(roomSeen).toEqual(['volatile', 'room only']);
    expect(outsideSeen).toEqual(['volatile', 'all but the room']);
    expect(outgoing).toEqual([
      ['note', 'volatile'],
      ['note', 'room only'],
      ['done', true],
    ]);
  });
});
