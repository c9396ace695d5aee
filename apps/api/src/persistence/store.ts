import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import type { StoreKind, Tables } from './database';
import { migrateToLatest } from './migrate';
import { migrationProvider } from './migrations';
import type { NodeSqliteDialect } from './node-sqlite-dialect';
import { openDatabase, openSqliteFile, sqliteFilePath, type StoreLocation } from './open-database';
import { SqliteFiles } from './sqlite-files';
import { rebuildAtPath, reopenAtPath, saveOrphaned } from './sqlite-recovery';
import { StoreUnavailableError } from './store-failure';
import { checkPostgresMigrationsAtStart, checkSqliteStoreAtStart } from './store-start-check';

/** How often a store in trouble is checked for recovery (and the embedded store's files). */
const WATCH_INTERVAL_MS = 1000;
/** The embedded store's durability around a bookkeeping transaction (see `bookkeeping`). */
const SYNC_NORMAL = CompiledQuery.raw('pragma synchronous = normal');
const SYNC_FULL = CompiledQuery.raw('pragma synchronous = full');

export interface StoreCondition {
  usable: boolean;
  /** Why it is not usable. */
  reason?: string;
}

interface SqliteParts {
  files: SqliteFiles;
  dialect: NodeSqliteDialect;
  dataDir: string;
}

/**
 * The database, migrated and ready. Created by {@link Store.open}; injected everywhere.
 *
 * It also knows whether it can keep what it acknowledges. The embedded store's files are checked
 * before every write transaction, so a write it cannot keep is refused with nothing written (their
 * identity again after the commit), and every second: deleted or with their WAL deleted → rebuilt
 * at the path from the connection still open; replaced by another file → refused until a restart
 * (what this process held is saved beside it); read-only, full, I/O errors → refused until a
 * write works again. PostgreSQL: a lost connection or failed commit marks it unusable until it
 * answers again (the pool opens new connections by itself). Meanwhile writes are answered 503.
 */
@Injectable()
export class Store implements OnApplicationShutdown {
  private readonly logger = new Logger(Store.name);
  private problem: string | undefined;
  private replacedUntilRestart = false;
  private watch: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** A bookkeeping transaction holds the embedded store's connection (see `bookkeeping`). */
  private keepingBooks = false;

  private constructor(
    readonly db: Kysely<Tables>,
    readonly kind: StoreKind,
    /** The store file, or the PostgreSQL database, for messages (no secrets). */
    readonly where: string,
    private readonly sqlite: SqliteParts | undefined,
  ) {}

  static async open(location: StoreLocation): Promise<Store> {
    const known = Object.keys(await migrationProvider(location.kind).getMigrations());
    const path = sqliteFilePath(location.dataDir);
    if (location.kind === 'sqlite') checkSqliteStoreAtStart(path, known);
    // Writes during the migrations come before the store exists to check them.
    const opened: { store?: Store } = {};
    const { db, sqlite } = openDatabase(location, {
      beforeWrite: () => opened.store?.refuseIfUnwritable(),
      afterCommit: () => opened.store?.refuseIfFilesMoved(),
    });
    const where = location.kind === 'sqlite' ? path : describePostgres(location.databaseUrl);
    try {
      if (location.kind === 'postgres') await checkPostgresMigrationsAtStart(db, where, known);
      await migrateToLatest(db, location.kind);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    const store = new Store(
      db,
      location.kind,
      where,
      sqlite && { files: new SqliteFiles(path), dialect: sqlite, dataDir: location.dataDir },
    );
    store.sqlite?.files.remember();
    opened.store = store;
    store.watch = setInterval(() => void store.check(), WATCH_INTERVAL_MS).unref();
    return store;
  }

  /**
   * A transaction of delivery bookkeeping (claims and outcomes of Aurora calls and pushes): its
   * loss in a power cut or an OS crash costs only a repeated idempotent call, so its commit does
   * not wait for the disk — on the embedded store `synchronous = NORMAL` for its commit (WAL
   * stays consistent, and the next order's fsync makes it durable too), on PostgreSQL
   * `synchronous_commit = off`. Orders and the outbox entries written with them always commit
   * with a full sync. On node:sqlite a commit's fsync blocks the event loop, so this keeps the
   * Aurora call's claim from delaying the board broadcast that follows it.
   */
  bookkeeping<T>(body: (tx: Transaction<Tables>) => Promise<T>): Promise<T> {
    if (this.kind === 'postgres') {
      return this.db.transaction().execute(async (tx) => {
        await sql`set local synchronous_commit = off`.execute(tx);
        return body(tx);
      });
    }
    // SQLite refuses to change the level inside a transaction: set it around one, on the one
    // connection, and always set it back.
    return this.db.connection().execute(async (connection) => {
      await connection.executeQuery(SYNC_NORMAL);
      // The connection is this caller's until the end: no other transaction begins meanwhile.
      this.keepingBooks = true;
      try {
        return await connection.transaction().execute(body);
      } finally {
        this.keepingBooks = false;
        await connection.executeQuery(SYNC_FULL).catch((error: unknown) => {
          // Never keep acknowledging orders on a connection that does not sync: refuse writes
          // until the store check has reopened it (a new connection starts at FULL).
          this.reportFailure(`could not restore synchronous = FULL: ${(error as Error).message}`);
          throw error;
        });
      }
    });
  }

  /** True when the store answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch (error) {
      this.logger.warn(`Store ping failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** Whether writes can be acknowledged now, and why not (readiness and /health). */
  async condition(): Promise<StoreCondition> {
    const filesProblem = this.sqlite?.files.problem();
    if (filesProblem) this.fail(filesProblem);
    if (this.kind === 'postgres') {
      try {
        await sql`select 1`.execute(this.db);
        this.recovered('the database answers again');
      } catch (error) {
        this.fail((error as Error).message);
      }
    }
    return this.problem ? { usable: false, reason: this.problem } : { usable: true };
  }

  /**
   * A write failed because of the store (see `storeFailureReason`): refuse writes with 503 and say
   * so until a check finds it usable again. Logs one error per outage, naming the store.
   */
  reportFailure(reason: string): void {
    this.fail(reason);
    void this.check();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.watch);
    await this.checking;
    await this.db.destroy();
  }

  /**
   * Bookkeeping skips the file checks (seven system calls per transaction, on the path of every
   * Aurora call and push): its loss costs only a repeated idempotent call, SQLite itself fails a
   * write that does not fit or is refused, and a deleted file is rebuilt from the open
   * connection, bookkeeping and all.
   */
  private refuseIfUnwritable(): void {
    if (!this.keepingBooks) this.refuseIf(this.sqlite?.files.problem());
  }

  /** Only the rare file deleted or replaced while a transaction ran gets here (see SqliteFiles). */
  private refuseIfFilesMoved(): void {
    if (!this.keepingBooks) this.refuseIf(this.sqlite?.files.moved());
  }

  private refuseIf(problem: string | undefined): void {
    if (!problem) return;
    this.reportFailure(problem);
    throw new StoreUnavailableError(problem);
  }

  /** One check at a time: notice trouble in the files, recover when possible. */
  private check(): Promise<void> {
    this.checking ??= this.checkOnce()
      .catch((error: unknown) => this.logger.debug(`Store check: ${(error as Error).message}`))
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    if (this.replacedUntilRestart) return;
    if (!this.sqlite) {
      if (this.problem) await this.condition();
      return;
    }
    const { files, dialect, dataDir } = this.sqlite;
    const problem = files.problem();
    if (problem) this.fail(problem);
    if (!this.problem) return;
    const open = () => openSqliteFile(dataDir);
    if (files.mainReplaced()) {
      this.replacedUntilRestart = true;
      await dialect.maintain(async (current) => {
        const saved = await saveOrphaned(current, files);
        this.logger.error(
          `${files.path} was replaced by another file while running; it is left as it is and ` +
            `orders are refused until a restart. What this process held is saved in ${saved}.`,
        );
        return current;
      });
      return;
    }
    if (problem && /was deleted|was replaced/.test(problem)) {
      await dialect.maintain((current) => rebuildAtPath(current, files, open));
      this.recovered(`rebuilt at ${files.path} from the open store, nothing lost`);
      return;
    }
    if (problem) return; // read-only or full: wait until it can be written again
    await dialect.maintain(async (current) => reopenAtPath(current, files, open));
    await this.db.transaction().execute((tx) =>
      tx
        .updateTable('feed_state')
        .set((eb) => ({ version: eb.ref('version') }))
        .where('id', '=', 1)
        .execute(),
    );
    this.recovered('writes work again');
  }

  private fail(reason: string): void {
    if (this.problem === undefined) {
      this.logger.error(
        `The order store ${this.where} cannot keep orders: ${reason}. Writes are answered 503 ` +
          `and /health/ready says why until it recovers.`,
      );
    }
    this.problem = reason;
  }

  private recovered(how: string): void {
    if (this.problem === undefined) return;
    this.problem = undefined;
    this.logger.log(`The order store ${this.where} is usable again (${how})`);
  }
}

function describePostgres(url: string | undefined): string {
  if (!url) return 'PostgreSQL';
  const parsed = new URL(url);
  return `PostgreSQL database "${parsed.pathname.slice(1)}" on ${parsed.host}`;
}

export { StoreUnavailableError } from './store-failure';
