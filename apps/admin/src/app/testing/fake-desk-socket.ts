import type { AdminServerEvents } from '@hubble/contracts';
import { FakeLiveSocket } from '@hubble/ui/testing';

/** The shared fake connection (the test plays the server), plus a refused handshake. */
export class FakeDeskSocket extends FakeLiveSocket<AdminServerEvents> {
  /** The server's middleware refused the handshake: Socket.IO then stops trying. */
  serverRefuses(message: string): void {
    this.connected = false;
    this.active = false;
    this.receive('connect_error', new Error(message));
  }
}
