import { existsSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { type Kysely, sql } from 'kysely';
import type { Tables } from './database';

/** The store found at start cannot be used as it is; the message says which and what to do. */
export class StoreStartError extends Error {
  override readonly name = 'StoreStartError';
}

function restoreAdvice(path: string): string {
  return (
    `To restore from a backup (made with \`npm run backup\`): stop the server, copy the ` +
    `backup to ${path}, delete ${path}-wal and ${path}-shm next to it, and start again.`
  );
}

function corrupt(path: string, what: string): StoreStartError {
  return new StoreStartError(
    `The store ${path} is corrupt: ${what}. Nothing was changed. ${restoreAdvice(path)}`,
  );
}

/**
 * Checks the embedded store before anything writes to it: a truncated file, an orphaned WAL,
 * `pragma quick_check`, and migrations this version does not know. Opens it read-only, so a
 * store that fails is left exactly as it was.
 */
export function checkSqliteStoreAtStart(path: string, knownMigrations: readonly string[]): void {
  const walPath = `${path}-wal`;
  if (!existsSync(path)) {
    if (existsSync(walPath)) throw corrupt(path, `the file is missing but ${walPath} exists`);
    return;
  }
  if (statSync(path).size === 0) {
    if (!existsSync(walPath)) throw corrupt(path, 'the file is empty and has no WAL beside it');
    return;
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    throw corrupt(path, (error as Error).message);
  }
  try {
    const rows = db.prepare('pragma quick_check').all() as { quick_check: string }[];
    const findings = rows.map((row) => row.quick_check);
    if (findings.join() !== 'ok')
      throw corrupt(path, `quick_check: ${findings.slice(0, 3).join('; ')}`);
    const hasMigrations = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (hasMigrations) {
      const applied = db.prepare('select name from kysely_migration').all() as { name: string }[];
      refuseUnknownMigrations(
        path,
        restoreAdvice(path),
        applied.map((row) => row.name),
        knownMigrations,
      );
    }
  } catch (error) {
    if (error instanceof StoreStartError) throw error;
    throw corrupt(path, (error as Error).message);
  } finally {
    db.close();
  }
}

/** The same migration check for PostgreSQL (`description` names the database, no secrets). */
export async function checkPostgresMigrationsAtStart(
  db: Kysely<Tables>,
  description: string,
  knownMigrations: readonly string[],
): Promise<void> {
  const table = await sql<{
    name: string | null;
  }>`select to_regclass('kysely_migration') as name`.execute(db);
  if (!table.rows[0]?.name) return;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  refuseUnknownMigrations(
    description,
    'To restore PostgreSQL, load the dump taken before the upgrade (pg_restore) into an empty database.',
    applied.rows.map((row) => row.name),
    knownMigrations,
  );
}

function refuseUnknownMigrations(
  where: string,
  advice: string,
  applied: readonly string[],
  known: readonly string[],
): void {
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  throw new StoreStartError(
    `The store ${where} was migrated by a newer version of Hubble (migration ` +
      `${unknown.map((name) => `"${name}"`).join(', ')} is unknown to this version). Nothing was ` +
      `changed. Run the newer version, or restore a backup made before the upgrade. ${advice}`,
  );
}
