import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { MAX_INCOMING_PACKET_BYTES } from './output-budget';
import type { RedisFanout } from './redis-fanout';

/**
 * Nest's Socket.IO adapter, with the Redis adapter installed when fan-out is on and incoming
 * packets kept small (the feeds only receive `sync`).
 */
export class FanoutIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly fanout: RedisFanout,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_INCOMING_PACKET_BYTES,
    } as ServerOptions) as Server;
    const adapter = this.fanout.adapter();
    if (adapter) server.adapter(adapter);
    return server;
  }
}
