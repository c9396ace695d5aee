import { io } from 'socket.io-client';

/** Event name → listener, as `@hubble/contracts` declares each feed's server events. */
export type ServerEventsMap<S> = { [E in keyof S]: (...args: never[]) => void };

/**
 * The part of a Socket.IO client a live view uses; unit tests hand in `FakeLiveSocket` from
 * `@hubble/ui/testing`.
 */
export interface LiveSocket<S extends ServerEventsMap<S>> {
  readonly connected: boolean;
  /** False after the server refused or closed the connection: Socket.IO will not retry then. */
  readonly active: boolean;
  on<E extends keyof S & string>(event: E, listener: S[E]): void;
  on(event: 'connect', listener: () => void): void;
  on(event: 'disconnect', listener: (reason: string) => void): void;
  on(event: 'connect_error', listener: (error: Error) => void): void;
  /** Asks the server for a fresh snapshot. */
  sync(): void;
  connect(): void;
  /** Starts a fresh connection attempt now, dropping any reconnection that waits. */
  reconnectNow(): void;
  /**
   * Drops the transport without closing the socket, so the client reconnects by itself. For the
   * browser's `offline` event: an idle WebSocket notices a dead network only at the next missed
   * heartbeat (up to 45 s with Socket.IO's defaults), and Chromium's offline emulation does not
   * close open WebSockets at all.
   */
  dropTransport(): void;
  close(): void;
}

/**
 * Opens a Socket.IO connection to `namespace` on this page's origin (not connected yet: call
 * `connect`). WebSocket first (a round trip less, and a service worker never sees it), long
 * polling where a proxy refuses WebSockets; reconnects forever, quickly at first, at most every
 * 5 s.
 */
export function openLiveSocket<S extends ServerEventsMap<S>>(
  namespace: string,
  syncEvent: string,
): LiveSocket<S> {
  const socket = io(namespace, {
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
      socket.on(event, listener as (...args: unknown[]) => void);
    },
    sync: () => socket.emit(syncEvent),
    connect: () => socket.connect(),
    reconnectNow: () => socket.disconnect().connect(),
    dropTransport: () => socket.io.engine?.close(),
    close: () => socket.disconnect(),
  };
}

/**
 * Keeps a live socket in step with the browser: `offline` drops the transport at once (see
 * {@link LiveSocket.dropTransport}), `online` reconnects without waiting for the back-off, and a
 * page coming back to the foreground (a phone or tablet waking up) asks for a fresh snapshot, as
 * it may have missed changes. Returns the function that stops following.
 */
export function followBrowserNetwork(
  window: Window | null,
  socket: Pick<LiveSocket<never>, 'connected' | 'dropTransport' | 'reconnectNow' | 'sync'>,
): () => void {
  if (!window) return () => undefined;
  const onOffline = () => {
    if (socket.connected) socket.dropTransport();
  };
  const onOnline = () => {
    if (!socket.connected) socket.reconnectNow();
  };
  const onVisibility = () => {
    if (window.document.visibilityState === 'visible' && socket.connected) socket.sync();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  window.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    window.document.removeEventListener('visibilitychange', onVisibility);
  };
}
