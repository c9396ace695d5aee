import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

interface Identity {
  dev: number;
  ino: number;
}

function identityOf(path: string): Identity | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats && { dev: stats.dev, ino: stats.ino };
}

/** Below this much free space a commit may not fit (a few hundred pages); refuse instead. */
const MIN_FREE_BYTES = 256 * 1024;

const same = (a: Identity, b: Identity) => a.dev === b.dev && a.ino === b.ino;

/**
 * The embedded store's files as this process opened them. A write is durable only if it goes
 * into the files that the next start will open, and only if they can take it: before each write
 * transaction the files are checked in full (`problem`: identity, writable, free space), so what
 * cannot be kept is refused with nothing written; after its commit only their identity is
 * compared again (`moved`: device and inode of the store and of its WAL), for a file deleted or
 * replaced while the transaction ran.
 */
export class SqliteFiles {
  private main: Identity | undefined;
  private wal: Identity | undefined;

  constructor(readonly path: string) {}

  get walPath(): string {
    return `${this.path}-wal`;
  }

  get shmPath(): string {
    return `${this.path}-shm`;
  }

  /** Records the files just opened (call after opening and after every reopen). */
  remember(): void {
    this.main = identityOf(this.path);
    this.wal = identityOf(this.walPath);
  }

  /** Why the files at the path are not the writable ones this process writes, if they are not. */
  problem(): string | undefined {
    return this.moved() ?? this.unwritable() ?? this.diskFull();
  }

  /** Why the files at the path are no longer the ones this process opened, if they are not. */
  moved(): string | undefined {
    const main = identityOf(this.path);
    if (this.main && !main) return `${this.path} was deleted`;
    if (this.main && main && !same(main, this.main)) {
      return `${this.path} was replaced by another file`;
    }
    const wal = identityOf(this.walPath);
    if (this.wal && !wal) return `${this.walPath} was deleted`;
    if (this.wal && wal && !same(wal, this.wal)) {
      return `${this.walPath} was replaced by another file`;
    }
    // The WAL appears with the first write after the store was created.
    if (!this.wal && wal) this.wal = wal;
    return undefined;
  }

  private unwritable(): string | undefined {
    for (const path of [this.path, this.walPath, dirname(this.path)]) {
      try {
        accessSync(path, constants.W_OK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        return `${path} is read-only (${(error as NodeJS.ErrnoException).code ?? 'not writable'})`;
      }
    }
    return undefined;
  }

  private diskFull(): string | undefined {
    try {
      const { bavail, bsize } = statfsSync(dirname(this.path));
      const free = bavail * bsize;
      return free < MIN_FREE_BYTES
        ? `the disk holding ${this.path} is full (${Math.floor(free / 1024)} KB free)`
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** The main file is still the one that was opened (only its WAL or permissions are at fault). */
  mainIsOpened(): boolean {
    const main = identityOf(this.path);
    return main !== undefined && this.main !== undefined && same(main, this.main);
  }

  /** The path now holds a different file than the one opened (someone else's: never overwritten). */
  mainReplaced(): boolean {
    const main = identityOf(this.path);
    return main !== undefined && this.main !== undefined && !same(main, this.main);
  }
}
