import type { StoreKind } from './database';

/**
 * The store cannot keep what it would acknowledge (gone, replaced, read-only, full, corrupt,
 * unreachable). Answered 503: the caller must not treat the write as done.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** SQLite primary result codes that mean the store itself is failing, not the query. */
const SQLITE_STORE_CODES: Record<number, string> = {
  3: 'permission denied',
  5: 'the store is locked by another process',
  8: 'the store is read-only',
  10: 'disk I/O error',
  11: 'the store is corrupt',
  13: 'the disk is full',
  14: 'the store file cannot be opened',
  26: 'the store file is not a database',
};

/** PostgreSQL SQLSTATE classes that concern the data or the query, i.e. a bug, not an outage. */
const POSTGRES_QUERY_CLASSES = new Set(['22', '23', '42', '2B', '44']);

const CONNECTION_MESSAGE =
  /connect|terminat|timeout|closed|ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|not queryable|database is not open/i;

/**
 * Why `error` means the store cannot be used right now, or undefined when it is something else
 * (a bug, bad data) that should stay a 500.
 */
export function storeFailureReason(error: unknown, kind: StoreKind): string | undefined {
  if (error instanceof StoreUnavailableError) return error.message;
  if (!(error instanceof Error)) return undefined;
  const fields = error as Error & { code?: unknown; errcode?: unknown };
  if (kind === 'sqlite') {
    if (fields.code === 'ERR_SQLITE_ERROR' && typeof fields.errcode === 'number') {
      const reason = SQLITE_STORE_CODES[fields.errcode & 0xff];
      return reason ? `${reason} (${error.message})` : undefined;
    }
    return /database is not open|store is closed/i.test(error.message) ? error.message : undefined;
  }
  if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) {
    return POSTGRES_QUERY_CLASSES.has(fields.code.slice(0, 2))
      ? undefined
      : `${error.message} (SQLSTATE ${fields.code})`;
  }
  return CONNECTION_MESSAGE.test(error.message) || typeof fields.code === 'string'
    ? error.message
    : undefined;
}
