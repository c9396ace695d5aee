import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';

const REPORT_EVERY_MS = 60_000;

/**
 * Caps open connections at `cap`. A connection over the cap makes room by closing the connection
 * idle the longest — one that has no request in progress (never sent one, or a keep-alive
 * between requests), else the oldest WebSocket — so idle crowds cannot keep the POS or staff
 * out. Only when every connection is busy with a request is the new one refused, at once.
 */
export class ConnectionGuard {
  private readonly logger = new Logger('Connections');
  /** No request in progress, oldest first (a Set keeps insertion order). */
  private readonly idle = new Set<Socket>();
  private readonly upgraded = new Set<Socket>();
  private open = 0;
  private closedForRoom = 0;
  private refused = 0;
  private lastReport = 0;

  constructor(
    server: Server,
    private readonly cap: number,
  ) {
    server.on('connection', (socket: Socket) => this.admit(socket));
    server.on('request', (request, response) => {
      const socket = request.socket;
      this.idle.delete(socket);
      response.once('close', () => {
        if (!socket.destroyed && !this.upgraded.has(socket)) this.idle.add(socket);
      });
    });
    server.on('upgrade', (request: { socket: Socket }) => {
      this.idle.delete(request.socket);
      this.upgraded.add(request.socket);
    });
  }

  get connections(): number {
    return this.open;
  }

  private admit(socket: Socket): void {
    this.open++;
    socket.once('close', () => {
      this.open--;
      this.idle.delete(socket);
      this.upgraded.delete(socket);
    });
    if (this.open > this.cap) {
      const victim = first(this.idle) ?? first(this.upgraded);
      if (!victim) {
        this.refused++;
        socket.destroy();
        this.report();
        return;
      }
      this.idle.delete(victim);
      this.upgraded.delete(victim);
      victim.destroy();
      this.closedForRoom++;
      this.report();
    }
    this.idle.add(socket);
  }

  private report(): void {
    const now = Date.now();
    if (now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    this.logger.warn(
      `${this.cap} connections open (MAX_CONNECTIONS): ${this.closedForRoom} idle ones closed ` +
        `to make room and ${this.refused} refused so far`,
    );
  }
}

function first<T>(set: Set<T>): T | undefined {
  for (const value of set) return value;
  return undefined;
}
