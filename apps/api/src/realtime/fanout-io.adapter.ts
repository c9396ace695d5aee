import { type INestApplicationContext, Logger, type WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { MAX_INCOMING_PACKET_BYTES } from './output-budget';
import type { RedisFanout } from './redis-fanout';
import { DirectFrameAdapter } from './direct-frame-adapter';

/**
 * Per-connection cost, kept close to a plain Socket.IO server's: no per-message compression (a
 * zlib context per socket is the largest per-board cost, and our packets are tiny), no HTTP
 * compression of polling responses, and a small receive buffer (clients only send `sync`).
 * Each socket's unsent output is bounded separately (output-budget.ts).
 */
const LEAN_SERVER_OPTIONS: Partial<ServerOptions> = {
  perMessageDeflate: false,
  httpCompression: false,
  maxHttpBufferSize: MAX_INCOMING_PACKET_BYTES,
};

/**
 * Nest's Socket.IO adapter, lean per connection. Broadcasts go through the Redis adapter when
 * fan-out is on, else through {@link DirectFrameAdapter} (one instance: the frame written straight
 * to each idle WebSocket).
 */
export class FanoutIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly fanout: RedisFanout,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const lean = { ...options, ...LEAN_SERVER_OPTIONS } as ServerOptions;
    const server = super.createIOServer(port, lean) as Server;
    const adapter = this.fanout.adapter();
    server.adapter(adapter ?? DirectFrameAdapter);
    return server;
  }

  /**
   * One plain listener per message and socket, where Nest's own builds several RxJS streams per
   * socket (thousands of boards each hold them for hours). Same results: a returned
   * `{event, data}` is emitted back, anything else answers the ack; a failing handler is logged
   * and the socket keeps its handlers.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: WsMessageHandler[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...payload: unknown[]) => {
        // As RxJS fromEvent hands it on: one argument alone, several as an array.
        const { data, ack } = this.mapPayload(payload.length === 1 ? payload[0] : payload);
        let result: Observable<unknown>;
        try {
          result = transform(callback(data, ack));
        } catch (error) {
          leanLogger.error(error);
          return;
        }
        result.subscribe({
          next: (response) => {
            if (response === undefined || response === null) return;
            const reply = response as { event?: string; data?: unknown };
            if (reply.event) socket.emit(reply.event, reply.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => leanLogger.error(error),
        });
      });
    }
  }
}

const leanLogger = new Logger('IoAdapter');
