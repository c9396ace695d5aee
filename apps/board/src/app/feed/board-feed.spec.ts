import { TestBed } from '@angular/core/testing';
import { BOARD_EVENTS } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEYS } from '../storage';
import { fakeBoardSocket, order, provideBoardSocket } from '../testing/board-testing';
import { BANNER_DELAY_MS, BoardFeed } from './board-feed';
import type { BoardChange } from './feed-state';

describe('BoardFeed', () => {
  let socket: ReturnType<typeof fakeBoardSocket>;

  function start(): BoardFeed {
    TestBed.configureTestingModule({ providers: [provideBoardSocket(socket)] });
    const feed = TestBed.inject(BoardFeed);
    feed.start();
    return feed;
  }

  beforeEach(() => {
    localStorage.clear();
    socket = fakeBoardSocket();
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    TestBed.resetTestingModule();
  });

  it('connects once, shows the snapshot and then changes, and keeps them on the device', () => {
    const feed = start();
    feed.start();
    expect(socket.connects).toBe(1);
    expect(feed.status()).toBe('connecting');

    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 3, orders: [order(1)] });
    expect(feed.status()).toBe('live');
    socket.receive(BOARD_EVENTS.created, { version: 4, order: order(2) });

    expect(feed.orders().map((o) => o.number)).toEqual([2, 1]);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.snapshot)!)).toEqual({
      version: 4,
      orders: [order(2), order(1)],
    });
  });

  it('opens with the orders kept on the device, before any connection', () => {
    localStorage.setItem(
      STORAGE_KEYS.snapshot,
      JSON.stringify({ version: 9, orders: [order(5), order(6)] }),
    );
    const feed = start();
    expect(feed.orders().map((o) => o.number)).toEqual([6, 5]);
    expect(feed.status()).toBe('connecting');
  });

  it('says it lost the feed only after 2 s without it, and keeps the list', () => {
    const feed = start();
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [order(7)] });

    socket.lose();
    expect(feed.status()).toBe('reconnecting');
    vi.advanceTimersByTime(BANNER_DELAY_MS - 1);
    expect(feed.lost()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(feed.lost()).toBe(true);
    expect(feed.orders().map((o) => o.number)).toEqual([7]);

    socket.serverAccepts();
    expect(feed.lost()).toBe(true);
    socket.receive(BOARD_EVENTS.snapshot, { version: 2, orders: [order(7), order(8)] });
    expect(feed.lost()).toBe(false);
    expect(feed.status()).toBe('live');
  });

  it('does not flash the banner for a short loss', () => {
    const feed = start();
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [] });
    socket.lose();
    vi.advanceTimersByTime(BANNER_DELAY_MS / 2);
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [] });
    vi.advanceTimersByTime(BANNER_DELAY_MS);
    expect(feed.lost()).toBe(false);
  });

  it('emits sync on a version gap and reports the changes the fresh snapshot brings', () => {
    const feed = start();
    const seen: BoardChange[][] = [];
    feed.onChanges((changes) => seen.push(changes));
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [] });

    socket.receive(BOARD_EVENTS.created, { version: 3, order: order(3) });
    expect(socket.syncs).toBe(1);
    socket.receive(BOARD_EVENTS.snapshot, { version: 3, orders: [order(2), order(3)] });

    expect(feed.orders().map((o) => o.number)).toEqual([3, 2]);
    expect(seen).toEqual([
      [
        { kind: 'arrived', number: 2 },
        { kind: 'arrived', number: 3 },
      ],
    ]);
  });

  it('reconnects by itself after the server closed the connection', () => {
    start();
    socket.serverAccepts();
    socket.lose('io server disconnect');
    expect(socket.connects).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(socket.connects).toBe(2);
  });

  it('drops the transport when the browser goes offline and reconnects at once when online', () => {
    start();
    socket.serverAccepts();
    window.dispatchEvent(new Event('offline'));
    expect(socket.transportDrops).toBe(1);
    socket.lose();
    window.dispatchEvent(new Event('online'));
    expect(socket.connects).toBe(2);
  });
});
