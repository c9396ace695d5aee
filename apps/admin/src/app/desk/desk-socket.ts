import { InjectionToken } from '@angular/core';
import {
  ADMIN_NAMESPACE,
  ADMIN_SYNC,
  type AdminClientEvents,
  type AdminServerEvents,
} from '@hubble/contracts';
import { io, type Socket } from 'socket.io-client';

/** The part of a Socket.IO client the desk feed uses; tests hand in a fake. */
export interface DeskSocket {
  readonly connected: boolean;
  /** False after the server refused the connection: Socket.IO will not retry by itself. */
  readonly active: boolean;
  on<E extends keyof AdminServerEvents>(event: E, listener: AdminServerEvents[E]): void;
  on(event: 'connect', listener: () => void): void;
  on(event: 'disconnect', listener: (reason: string) => void): void;
  on(event: 'connect_error', listener: (error: Error) => void): void;
  sync(): void;
  connect(): void;
  /** Starts a fresh connection attempt now, dropping any reconnection that waits. */
  reconnectNow(): void;
  close(): void;
}

export type DeskSocketFactory = () => DeskSocket;

/** Opens the real Socket.IO connection to `/admin` on this page's origin (the cookie goes along). */
export const DESK_SOCKET = new InjectionToken<DeskSocketFactory>('DESK_SOCKET', {
  providedIn: 'root',
  factory: () => openDeskSocket,
});

function openDeskSocket(): DeskSocket {
  const socket: Socket<AdminServerEvents, AdminClientEvents> = io(ADMIN_NAMESPACE, {
    // WebSocket first; long polling when a proxy refuses WebSockets.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
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
    get active() {
      return socket.active;
    },
    on(event: string, listener: (...args: never[]) => void) {
      socket.on(event as 'connect', listener as () => void);
    },
    sync: () => socket.emit(ADMIN_SYNC),
    connect: () => socket.connect(),
    reconnectNow: () => socket.disconnect().connect(),
    close: () => socket.disconnect(),
  };
}
