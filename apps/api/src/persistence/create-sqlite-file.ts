import { existsSync, linkSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

/**
 * Creates the store file when there is none, so that it appears whole: SQLite itself would
 * create an empty file and write its header a moment later, and a second process starting on
 * the same directory in that moment would find an empty file with no WAL — which the start check
 * rightly calls corrupt. The header (in WAL mode) is written under a private name, then linked
 * into place; link fails if the name exists, so of two processes racing exactly one file wins
 * and nothing is overwritten. Returns whether this call created it.
 */
export function createSqliteFileOnce(path: string): boolean {
  if (existsSync(path)) return false;
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.new`;
  try {
    const db = new DatabaseSync(draft);
    try {
      db.exec('pragma journal_mode = wal');
    } finally {
      db.close();
    }
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
    rmSync(`${draft}-wal`, { force: true });
    rmSync(`${draft}-shm`, { force: true });
  }
}
