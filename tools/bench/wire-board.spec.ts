import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Server, type Socket } from 'socket.io';
import { WireBoard } from './wire-board.ts';

/** Resolves with the first value `event` of `board` carries. */
function next(board: WireBoard, event: string): Promise<unknown> {
  return new Promise((resolve) => board.once(event, (value: unknown) => resolve(value)));
}

describe('WireBoard against a real Socket.IO server', () => {
  const http = createServer();
  // Short heartbeats: a board that did not answer pings would be dropped within a second.
  const io = new Server(http, { pingInterval: 100, pingTimeout: 300 });
  let url = '';
  const joined: Socket[] = [];
  let refusing = false;

  before(async () => {
    io.of('/board').use((_socket, next) => {
      if (refusing) next(new Error('refused'));
      else next();
    });
    io.of('/board').on('connection', (socket) => {
      joined.push(socket);
      socket.emit('snapshot', { version: 3, orders: [] });
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  after(async () => {
    await io.close();
  });

  it('joins /board, gets its events, answers pings, and leaves', async () => {
    const board = new WireBoard(url);
    const snapshot = next(board, 'snapshot');
    board.connect();
    assert.deepEqual(await snapshot, { version: 3, orders: [] });
    assert.equal(board.connected, true);
    const socket = joined.at(-1)!;

    let pongs = 0;
    await new Promise<void>((resolve) =>
      socket.conn.on('packet', (packet: { type: string }) => {
        if (packet.type === 'pong' && ++pongs === 3) resolve();
      }),
    );
    assert.equal(socket.connected, true);

    const created = next(board, 'order.created');
    io.of('/board').emit('order.created', { version: 4, order: { number: 12 } });
    assert.deepEqual(await created, { version: 4, order: { number: 12 } });

    const left = once(socket, 'disconnect');
    board.disconnect();
    await left;
    assert.equal(board.connected, false);
  });

  it('says connect_error when the namespace refuses it', async () => {
    refusing = true;
    const board = new WireBoard(url);
    const refused = next(board, 'connect_error');
    board.connect();
    await refused;
    assert.equal(board.connected, false);
  });
});
