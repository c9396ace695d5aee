import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { backup, type DatabaseSync } from 'node:sqlite';
import type { SqliteFiles } from './sqlite-files';

/**
 * Writes a new store at the path from the connection still open on the old one (its deleted or
 * orphaned files stay readable while open), then opens that. Everything acknowledged — orders,
 * versions, outbox, sessions — is carried over, because SQLite's online backup copies the whole
 * database as this connection sees it. If anything fails before the switch, `current` stays in use.
 */
export async function rebuildAtPath(
  current: DatabaseSync,
  files: SqliteFiles,
  open: () => DatabaseSync,
): Promise<DatabaseSync> {
  const dir = dirname(files.path);
  mkdirSync(dir, { recursive: true });
  const copy = `${files.path}.recovering`;
  rmSync(copy, { force: true });
  await backup(current, copy);
  renameSync(copy, files.path);
  syncDirectory(dir);
  current.close();
  // What is left at the path of the old WAL and shared memory belongs to the old file.
  rmSync(files.walPath, { force: true });
  rmSync(files.shmPath, { force: true });
  return reopen(files, open);
}

/** Closes and opens the store at its path again (after it became writable again). */
export function reopenAtPath(
  current: DatabaseSync,
  files: SqliteFiles,
  open: () => DatabaseSync,
): DatabaseSync {
  if (current.isOpen) current.close();
  return reopen(files, open);
}

/** Keeps what this process holds beside a store that was replaced under it; returns where. */
export async function saveOrphaned(current: DatabaseSync, files: SqliteFiles): Promise<string> {
  const target = `${files.path}.orphaned-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await backup(current, target);
  return target;
}

function reopen(files: SqliteFiles, open: () => DatabaseSync): DatabaseSync {
  const reopened = open();
  // Create the WAL now, so the files remembered are the ones the next commit writes.
  reopened.exec('update feed_state set version = version where id = 1');
  files.remember();
  return reopened;
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
