import { ConfigError, type Env, integer, optional } from './env';

/** The HTTP server's limits: room for the POS and staff when others hold many connections. */
export interface HttpSettings {
  /** Open connections at most (MAX_CONNECTIONS); unset = the open-file limit minus a reserve. */
  readonly maxConnections: number | undefined;
  /** A request's headers must arrive within this (slow or silent connections are cut). */
  readonly headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  readonly bodyLimits: BodyLimits;
}

/** Request body caps in bytes; a larger body is answered 413 without being read further. */
export interface BodyLimits {
  /** Star Community's signed webhooks (WEBHOOK_BODY_LIMIT_BYTES): a real one is ~100 bytes. */
  readonly webhookBytes: number;
  /**
   * The desk's add-order route (ADD_ORDER_BODY_LIMIT_BYTES): staff may paste anything into the
   * order field, and even a 1 MB string must get the usual 400 rather than a bare 413.
   */
  readonly addOrderBytes: number;
  /** Every other JSON body (JSON_BODY_LIMIT_BYTES). */
  readonly jsonBytes: number;
}

const KIB = 1024;
const MIB = 1024 * KIB;

export function httpSettings(env: Env): HttpSettings {
  const maxConnections =
    optional(env, 'MAX_CONNECTIONS') === undefined
      ? undefined
      : integer(env, 'MAX_CONNECTIONS', 0, 1, 1_000_000);
  // The clock starts when the connection is accepted, not when its bytes are read: in a reconnect
  // storm on a busy core a board's upgrade can wait seconds in our own event loop. At 5 s, up to
  // half of 5,000 reconnecting boards got 408 and came back again (docs/benchmarks.md); a
  // connection still sending headers also counts as idle for MAX_CONNECTIONS' evictions.
  const headersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 15_000, 500, 600_000);
  const requestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 20_000, 500, 600_000);
  if (requestTimeoutMs < headersTimeoutMs) {
    throw new ConfigError(
      `HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must not be below HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`,
    );
  }
  return {
    maxConnections,
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600_000),
    bodyLimits: {
      webhookBytes: integer(env, 'WEBHOOK_BODY_LIMIT_BYTES', 16 * KIB, KIB, MIB),
      addOrderBytes: integer(env, 'ADD_ORDER_BODY_LIMIT_BYTES', 2 * MIB, 4 * KIB, 16 * MIB),
      jsonBytes: integer(env, 'JSON_BODY_LIMIT_BYTES', 64 * KIB, 4 * KIB, 16 * MIB),
    },
  };
}
