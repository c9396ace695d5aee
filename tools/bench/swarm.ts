// Load generator: many board clients (socket.io-client, WebSocket; or, with BENCH_BOARDS=wire,
// wire-board.ts) in one process, driven by the orchestrator over IPC. Each board does as little
// as a phone would: keep the snapshot version and note when each new order arrives.
import { io } from 'socket.io-client';
import type { CpuUse, SwarmCommand, SwarmReply } from './messages.ts';
import { now } from './stats.ts';
import { type BoardClient, WireBoard } from './wire-board.ts';

interface Board {
  socket: BoardClient;
  version: number;
}

const WIRE = process.env['BENCH_BOARDS'] === 'wire';

const boards: Board[] = [];
let receipts: [number, number][] = [];
let recording = false;
let errors = 0;
let cpuStart = { usage: process.cpuUsage(), at: now() };

const send = (reply: SwarmReply) => process.send?.(reply);

function open(url: string): Promise<Board> {
  return new Promise((resolve) => {
    const socket: BoardClient = WIRE
      ? new WireBoard(url).connect()
      : // Its typed events are more than this file needs.
        (io(`${url}/board`, {
          transports: ['websocket'],
          reconnection: false,
          timeout: 20_000,
        }) as unknown as BoardClient);
    const board: Board = { socket, version: -1 };
    socket.on('snapshot', (snapshot: { version: number }) => {
      board.version = snapshot.version;
      resolve(board);
    });
    socket.on('order.created', (change: { version: number; order: { number: number } }) => {
      board.version = change.version;
      if (recording) receipts.push([change.order.number, now()]);
    });
    socket.on('connect_error', () => {
      errors += 1;
      resolve(board);
    });
  });
}

async function connect(url: string, count: number): Promise<void> {
  // Open in small waves so the server sees a ramp, not one burst.
  for (let i = 0; i < count; i += 100) {
    const wave = Math.min(100, count - i);
    boards.push(...(await Promise.all(Array.from({ length: wave }, () => open(url)))));
  }
  send({ type: 'connected', connected: boards.filter((b) => b.socket.connected).length, errors });
}

function cpu(): CpuUse {
  const usage = process.cpuUsage(cpuStart.usage);
  const wallMs = now() - cpuStart.at;
  cpuStart = { usage: process.cpuUsage(), at: now() };
  return { cpuMs: (usage.user + usage.system) / 1000, wallMs };
}

async function storm(spreadMs: number, version: number): Promise<void> {
  for (const board of boards) board.socket.disconnect();
  const stormErrors = errors;
  let lastCorrectAt = 0;
  let correct = 0;
  await Promise.all(
    boards.map(async (board, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index / boards.length) * spreadMs));
      board.version = -1;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          if (board.version >= version) {
            board.socket.off('snapshot', check);
            correct += 1;
            lastCorrectAt = Math.max(lastCorrectAt, now());
            resolve();
          }
        };
        board.socket.on('snapshot', check);
        board.socket.once('connect_error', () => {
          errors += 1;
          resolve();
        });
      });
      board.socket.connect();
      await done;
    }),
  );
  send({ type: 'storm-done', lastCorrectAt, correct, errors: errors - stormErrors });
}

process.on('message', (command: SwarmCommand) => {
  const run = async () => {
    switch (command.type) {
      case 'connect':
        cpuStart = { usage: process.cpuUsage(), at: now() };
        return connect(command.url, command.count);
      case 'record':
        receipts = [];
        recording = true;
        cpuStart = { usage: process.cpuUsage(), at: now() };
        return;
      case 'report':
        recording = false;
        send({
          type: 'report',
          receipts,
          connected: boards.filter((b) => b.socket.connected).length,
          cpu: cpu(),
        });
        receipts = [];
        return;
      case 'storm':
        return storm(command.spreadMs, command.version);
      case 'close':
        boards.forEach((board) => board.socket.close());
        process.exit(0);
    }
  };
  run().catch((error: unknown) => send({ type: 'error', message: String(error) }));
});
