import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A Socket.IO client over a raw WebSocket that joins a namespace, then stops reading its TCP
 * socket (as a hostile or frozen client would) while it keeps writing `sync` requests. The
 * server's output to it can then only pile up.
 */
export class StalledSocket {
  private closed = false;
  private readonly closedAt: Promise<void>;
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly socket: Socket) {
    this.closedAt = new Promise((resolve) => {
      const done = () => {
        this.closed = true;
        clearInterval(this.timer);
        resolve();
      };
      socket.once('close', done);
      socket.once('error', done);
    });
  }

  static async open(baseUrl: string, namespace: string): Promise<StalledSocket> {
    const { hostname, port } = new URL(baseUrl);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.write(
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
    );
    // Read until the engine.io open packet has arrived, then never read again.
    await new Promise<void>((resolve, reject) => {
      let received = '';
      const onData = (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (!received.startsWith('HTTP/1.1 101')) {
          if (received.includes('\r\n')) reject(new Error(`Upgrade refused: ${received}`));
          return;
        }
        if (received.includes('"sid"')) {
          socket.off('data', onData);
          socket.pause();
          resolve();
        }
      };
      socket.on('data', onData);
    });
    const stalled = new StalledSocket(socket);
    stalled.send(`40${namespace},`);
    return stalled;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes `sync` `perTick` times every `everyMs` until closed. */
  spamSync(namespace: string, { perTick, everyMs }: { perTick: number; everyMs: number }): void {
    const frame = this.frame(`42${namespace},["sync"]`);
    const burst = Buffer.concat(Array.from({ length: perTick }, () => frame));
    this.timer = setInterval(() => {
      if (!this.closed && this.socket.writableLength < 1024 * 1024) this.socket.write(burst);
    }, everyMs);
  }

  /** Resolves when the server has closed the connection. */
  whenClosed(): Promise<void> {
    return this.closedAt;
  }

  destroy(): void {
    clearInterval(this.timer);
    this.socket.destroy();
  }

  private send(text: string): void {
    this.socket.write(this.frame(text));
  }

  /** One masked text frame (client frames must be masked). */
  private frame(text: string): Buffer {
    const payload = Buffer.from(text);
    if (payload.length > 125) throw new Error('short frames only');
    const mask = randomBytes(4);
    const masked = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]));
    return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
  }
}
