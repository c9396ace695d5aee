import type { Socket } from 'socket.io';

/** A packet engine.io still queues for a connection. */
export interface QueuedPacket {
  data?: unknown;
}

/**
 * What engine.io and ws hold for a connection without typing it publicly: the packets engine.io
 * queues while its transport is busy (`writeBuffer`), whether a send is in flight
 * (`transport.writable`), and for a WebSocket ws's own state: the bytes it has not handed to the
 * operating system yet (`bufferedAmount`, public in ws), its TCP socket and its sender. Every
 * field is optional and read defensively: long polling has no WebSocket, and another version of
 * these libraries may name things differently (the readers then fall back, never throw).
 */
export interface ConnectionInternals {
  readyState?: string;
  writeBuffer?: QueuedPacket[];
  transport?: {
    name?: string;
    writable?: boolean;
    socket?: {
      readyState?: number;
      bufferedAmount?: unknown;
      _socket?: NodeJS.WritableStream & { destroyed: boolean; writable: boolean };
      _sender?: { _bufferedBytes?: number };
    };
  };
}

export function connectionInternals(socket: Socket): ConnectionInternals {
  return socket.conn as unknown as ConnectionInternals;
}
