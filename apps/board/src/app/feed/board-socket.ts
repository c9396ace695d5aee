import { InjectionToken } from '@angular/core';
import { BOARD_NAMESPACE, BOARD_SYNC, type BoardServerEvents } from '@hubble/contracts';
import { type LiveSocket, openLiveSocket } from '@hubble/ui';

/** The board feed's Socket.IO connection; unit tests hand in a `FakeLiveSocket`. */
export type BoardSocket = LiveSocket<BoardServerEvents>;

/** Opens the real connection to `/board` on this page's origin. */
export const BOARD_SOCKET = new InjectionToken<() => BoardSocket>('BOARD_SOCKET', {
  providedIn: 'root',
  factory: () => () => openLiveSocket<BoardServerEvents>(BOARD_NAMESPACE, BOARD_SYNC),
});
