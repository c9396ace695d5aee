import type { BoardSocket } from '../feed/board-socket';

type Listener = (...args: never[]) => void;

/** A stand-in for the Socket.IO connection in unit tests: the test plays the server. */
export class FakeBoardSocket implements BoardSocket {
  connected = false;
  syncs = 0;
  connects = 0;
  transportDrops = 0;
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
    this.receive('connect');
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
  }

  reconnectNow(): void {
    this.connects++;
  }

  dropTransport(): void {
    this.transportDrops++;
  }

  close(): void {
    this.connected = false;
  }
}
