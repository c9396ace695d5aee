import type { LiveSocket, ServerEventsMap } from '../lib/live-socket';

type Listener = (...args: never[]) => void;

/** A stand-in for the Socket.IO connection in unit tests: the test plays the server. */
export class FakeLiveSocket<
  S extends ServerEventsMap<S> = Record<string, Listener>,
> implements LiveSocket<S> {
  connected = false;
  active = true;
  syncs = 0;
  connects = 0;
  transportDrops = 0;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  /** Delivers an event to the client as the server (or Socket.IO itself) would. */
  receive(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }

  serverAccepts(): void {
    this.connected = true;
    this.active = true;
    this.receive('connect');
  }

  /** The connection is lost; `io server disconnect` means the server closed it on purpose. */
  lose(reason = 'transport close'): void {
    this.connected = false;
    if (reason === 'io server disconnect') this.active = false;
    this.receive('disconnect', reason);
  }

  sync(): void {
    this.syncs++;
  }

  connect(): void {
    this.connects++;
  }

  reconnectNow(): void {
    this.connects++;
  }

  dropTransport(): void {
    this.transportDrops++;
  }

  close(): void {
    this.connected = false;
    this.closed = true;
  }
}
