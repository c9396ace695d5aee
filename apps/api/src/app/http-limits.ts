import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { ConfigError } from '../config';
import type { HttpSettings } from '../config';
import { ConnectionGuard } from './connection-guard';
import { raiseOpenFileLimit } from './open-file-limit';

/** Files kept free beside the connections: the store, logs, PostgreSQL, Redis, Aurora calls. */
const MIN_RESERVE = 64;

/**
 * Raises the open-file limit, caps connections below it (MAX_CONNECTIONS, by default the limit
 * minus a tenth and at least 256 kept in reserve) and sets the request timeouts.
 */
export function applyHttpLimits(server: Server, settings: HttpSettings): ConnectionGuard {
  const limit = raiseOpenFileLimit();
  const soft = limit?.soft ?? 65_536;
  const cap = settings.maxConnections ?? Math.max(16, soft - Math.max(256, Math.floor(soft / 10)));
  if (cap > soft - MIN_RESERVE) {
    throw new ConfigError(
      `MAX_CONNECTIONS must be at most ${soft - MIN_RESERVE}: the open-file limit is ${soft} ` +
        `and ${MIN_RESERVE} files are kept for the store and outgoing calls (got "${cap}")`,
    );
  }
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  // How often the two timeouts above are enforced (30 s by default). Node reads this property
  // when the server starts listening, so setting it after createServer works.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.min(1000, settings.headersTimeoutMs);
  new Logger('Connections').log(
    `Open-file limit ${soft}${limit ? ` (hard ${limit.hard})` : ''}; at most ${cap} connections; ` +
      `headers within ${settings.headersTimeoutMs} ms, requests within ${settings.requestTimeoutMs} ms`,
  );
  return new ConnectionGuard(server, cap);
}
