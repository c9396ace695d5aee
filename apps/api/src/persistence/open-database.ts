import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { StoreKind, Tables } from './database';
import { createSqliteFileOnce } from './create-sqlite-file';
import { NodeSqliteDialect, type WriteGuard } from './node-sqlite-dialect';

export const SQLITE_FILE_NAME = 'hubble.sqlite';
const SQLITE_BUSY_TIMEOUT_MS = 5000;
const PG_INT8_OID = 20;

export interface StoreLocation {
  kind: StoreKind;
  /** PostgreSQL connection string, or the embedded store's directory. */
  databaseUrl?: string;
  dataDir: string;
}

export interface OpenedDatabase {
  db: Kysely<Tables>;
  /** The embedded store's dialect, to swap its connection when the files must be reopened. */
  sqlite?: NodeSqliteDialect;
}

export function sqliteFilePath(dataDir: string): string {
  return join(dataDir, SQLITE_FILE_NAME);
}

export function openDatabase(location: StoreLocation, sqliteGuard?: WriteGuard): OpenedDatabase {
  if (location.kind === 'postgres') {
    return {
      db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool: postgresPool(location) }) }),
    };
  }
  const sqlite = new NodeSqliteDialect(() => openSqliteFile(location.dataDir), sqliteGuard);
  return { db: new Kysely<Tables>({ dialect: sqlite }), sqlite };
}

function postgresPool(location: StoreLocation): pg.Pool {
  const pool = new pg.Pool({
    connectionString: location.databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    // Timestamps are BIGINT epoch milliseconds: read them as numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its server must not crash the process: idle ones are reported by the pool,
  // checked-out ones by their own 'error' event (unheard, it would end the process). The query
  // in flight fails (503), the pool drops the dead client and opens a new one for the next.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export function openSqliteFile(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  createSqliteFileOnce(sqliteFilePath(dataDir));
  const db = new DatabaseSync(sqliteFilePath(dataDir), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.exec('pragma journal_mode = wal');
  db.exec('pragma synchronous = full');
  db.exec('pragma foreign_keys = on');
  return db;
}
