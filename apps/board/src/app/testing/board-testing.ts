import type { Provider } from '@angular/core';
import type { BoardServerEvents, OrderDto } from '@hubble/contracts';
import { FakeLiveSocket } from '@hubble/ui/testing';
import { BOARD_SOCKET } from '../feed/board-socket';

/** A fake `/board` connection; the test plays the server. */
export const fakeBoardSocket = () => new FakeLiveSocket<BoardServerEvents>();

/** Hands `socket` to the board feed instead of a real connection. */
export function provideBoardSocket(socket: FakeLiveSocket<BoardServerEvents>): Provider {
  return { provide: BOARD_SOCKET, useValue: () => socket };
}

/** An order announced `second` seconds after a fixed start, expiring 300 s later. */
export function order(number: number, second = number): OrderDto {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 12, 0, s)).toISOString();
  return { number, source: 'star-community', createdAt: at(second), expiresAt: at(second + 300) };
}
