// Online backup of the embedded store (node:sqlite's backup API): consistent even while the
// server runs and writes (WAL), no sqlite3 binary needed.
import { existsSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';

export const STORE_FILE = 'hubble.sqlite';

/** Copies the live database at `source` to `target` (which must not exist); returns its pages. */
export async function backupStore(source: string, target: string): Promise<number> {
  if (!existsSync(source)) throw new Error(`No store at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file`);
  const db = new DatabaseSync(source, { readOnly: true, timeout: 5000 });
  try {
    return await backup(db, target);
  } finally {
    db.close();
  }
}
