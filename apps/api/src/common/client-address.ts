import type { Request } from 'express';

/** The client's address (behind a loopback proxy: the forwarded one, see `trust proxy`). */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
