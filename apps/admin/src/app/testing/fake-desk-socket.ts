import type { DeskSocket } from '../desk/desk-socket';

type Listener = (...args: never[]) => void;

/** A stand-in for the Socket.IO connection in unit tests: the test plays the server. */
export class FakeDeskSocket implements DeskSocket {
  connected = false;
  active = true;
  syncs = 0;
  connects = 0;
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

  /** The handshake was refused by the server's middleware (Socket.IO then stops trying). */
  serverRefuses(message: string): void {
    this.connected = false;
    this.active = false;
    this.receive('connect_error', new Error(message));
  }

  lose(reason = 'transport close'): void {
    this.connected = false;
    this.receive('disconnect', reason);
  }

  sync(): void {
    this.syncs++;
  }

  connect(): void {
    this.connects++;
    this.active = true;
  }

  reconnectNow(): void {
    this.connects++;
  }

  close(): void {
    this.connected = false;
    this.closed = true;
  }
}
