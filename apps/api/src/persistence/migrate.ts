import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { StoreKind, Tables } from './database';
import { migrationProvider } from './migrations';

/** Arbitrary but fixed: every instance of this product takes the same advisory lock. */
const POSTGRES_MIGRATION_LOCK = 0x48_75_62_62; // "Hubb"

/**
 * Brings the schema up to date. Idempotent, and safe when several instances start at once:
 * PostgreSQL holds a session advisory lock around the whole run (Kysely's own lock comes too late
 * to cover the creation of its bookkeeping tables); SQLite runs each migration inside
 * BEGIN IMMEDIATE, which already excludes every other writer of the file.
 */
export async function migrateToLatest(db: Kysely<Tables>, kind: StoreKind): Promise<void> {
  if (kind === 'sqlite') {
    await runMigrator(db, kind);
    return;
  }
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${POSTGRES_MIGRATION_LOCK})`.execute(connection);
    try {
      await runMigrator(connection, kind);
    } finally {
      await sql`select pg_advisory_unlock(${POSTGRES_MIGRATION_LOCK})`.execute(connection);
    }
  });
}

async function runMigrator(db: Kysely<Tables>, kind: StoreKind): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(kind) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`.trim());
  }
}
