import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { RedisFanout } from './redis-fanout';

/**
 * Per-connection cost, kept close to a plain Socket.IO server's: no per-message compression (a
 * zlib context per socket is the largest per-board cost, and our packets are tiny), no HTTP
 * compression of polling responses, and a small receive buffer (clients only send `sync`).
 */
const LEAN_SERVER_OPTIONS: Partial<ServerOptions> = {
  perMessageDeflate: false,
  httpCompression: false,
  maxHttpBufferSize: 16 * 1024,
};

/** Nest's Socket.IO adapter, lean per connection, with the Redis adapter when fan-out is on. */
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
    if (adapter) server.adapter(adapter);
    return server;
  }
}
