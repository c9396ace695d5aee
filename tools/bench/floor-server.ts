// The floor: the plainest server doing the product's job, to measure the product against
// (npm run bench -- --versus floor). It verifies the RSA-SHA256 signature over the raw body,
// stores the order durably in node:sqlite (WAL, synchronous=FULL), answers, then broadcasts the
// event on Socket.IO /board; a board gets a snapshot on connect. No framework, no modules, no
// Aurora, no expiry. Same environment as the product: PORT, HOST, DATA_DIR,
// STAR_COMMUNITY_PUBLIC_KEY_FILE, ORDER_TIMEOUT_SECONDS; prints "listening on http://localhost:N".
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Server } from 'socket.io';

const env = process.env;
const publicKey = createPublicKey(readFileSync(env['STAR_COMMUNITY_PUBLIC_KEY_FILE'] ?? ''));
const timeoutMs = Number(env['ORDER_TIMEOUT_SECONDS'] ?? 300) * 1000;
const db = new DatabaseSync(join(env['DATA_DIR'] ?? '.', 'floor.sqlite'));
db.exec('pragma journal_mode = wal; pragma synchronous = full');
db.exec(
  'create table if not exists orders (id integer primary key, number integer not null, ' +
    'created_at integer not null, expires_at integer not null)',
);
const insert = db.prepare('insert into orders (number, created_at, expires_at) values (?, ?, ?)');
const active = db.prepare('select number, created_at, expires_at from orders where expires_at > ?');
let version = 0;

const http = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/api/orders/webhook') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks);
    const signature = Buffer.from(String(request.headers['x-signature'] ?? ''), 'base64');
    if (!verify('sha256', body, publicKey, signature)) {
      response.writeHead(401).end();
      return;
    }
    const { orderNumber } = JSON.parse(body.toString()) as { orderNumber: number };
    const now = Date.now();
    insert.run(orderNumber, now, now + timeoutMs);
    version += 1;
    const text = JSON.stringify({ status: 'accepted', orderNumber });
    response.writeHead(200, { 'content-type': 'application/json' }).end(text);
    board.emit('order.created', { version, order: dto(orderNumber, now, now + timeoutMs) });
  });
});

const io = new Server(http, { serveClient: false });
const board = io.of('/board');
board.on('connection', (socket) => {
  const orders = active
    .all(Date.now())
    .map((row) => dto(Number(row['number']), Number(row['created_at']), Number(row['expires_at'])));
  socket.emit('snapshot', { version, orders });
});

function dto(number: number, createdAt: number, expiresAt: number) {
  return {
    number,
    source: 'star-community',
    createdAt: new Date(createdAt).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

http.listen(Number(env['PORT'] ?? 0), env['HOST'] ?? '127.0.0.1', () => {
  console.log(`Floor server listening on http://localhost:${(http.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => {
  void io.close();
  db.close();
  process.exit(0);
});
