import { InjectionToken } from '@angular/core';
import {
  BOARD_NAMESPACE,
  BOARD_SYNC,
  type BoardClientEvents,
  type BoardServerEvents,
} from '@hubble/contracts';
import { io, type Socket } from 'socket.io-client';

/** The part of a Socket.IO client the board feed uses; tests hand in a fake. */
export interface BoardSocket {
  readonly connected: boolean;
  on<E extends keyof BoardServerEvents>(event: E, listener: BoardServerEvents[E]): void;
  on(event: 'connect', listener: () => void): void;
  on(event: 'disconnect', listener: (reason: string) => void): void;
  on(event: 'connect_error', listener: (error: Error) => void): void;
  sync(): void;
  connect(): void;
  /** Starts a fresh connection attempt now, dropping any reconnection that waits. */
  reconnectNow(): void;
  /**
   * Drops the transport without closing the socket, so the client reconnects by itself: used
   * when the browser says it went offline, because an idle WebSocket would only notice the loss
   * at the next missed heartbeat (up to 45 s with Socket.IO's defaults).
   */
  dropTransport(): void;
  close(): void;
}

export type BoardSocketFactory = () => BoardSocket;

/** Opens the real Socket.IO connection to the board feed on this page's origin. */
export const BOARD_SOCKET = new InjectionToken<BoardSocketFactory>('BOARD_SOCKET', {
  providedIn: 'root',
  factory: () => openBoardSocket,
});

function openBoardSocket(): BoardSocket {
  const socket: Socket<BoardServerEvents, BoardClientEvents> = io(BOARD_NAMESPACE, {
    // WebSocket first (one round trip less, and the service worker never sees it); long polling
    // when a proxy refuses WebSockets.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // Reconnect forever, quickly at first, at most every 5 s.
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    autoConnect: false,
  });
  return {
    get connected() {
      return socket.connected;
    },
    on(event: string, listener: (...args: never[]) => void) {
      socket.on(event as 'connect', listener as () => void);
    },
    sync: () => socket.emit(BOARD_SYNC),
    connect: () => socket.connect(),
    reconnectNow: () => socket.disconnect().connect(),
    dropTransport: () => socket.io.engine?.close(),
    close: () => socket.disconnect(),
  };
}
