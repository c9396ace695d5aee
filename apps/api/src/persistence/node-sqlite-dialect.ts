import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type LimitNode,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type TransactionSettings,
} from 'kysely';

/** Checks around every write transaction; throwing from either fails the transaction's caller. */
export interface WriteGuard {
  /** Once the write lock is taken: refuses a write the store could not keep, nothing written. */
  beforeWrite(): void;
  /** After COMMIT: refuses to acknowledge a commit that went into a file no longer at the path. */
  afterCommit(): void;
}

const NO_GUARD: WriteGuard = { beforeWrite: () => undefined, afterCommit: () => undefined };

/**
 * Kysely dialect for Node's built-in `node:sqlite` (no native addon to build). Kysely's own
 * SqliteDialect expects better-sqlite3's statement API; this driver speaks node:sqlite's.
 *
 * One connection per process, guarded by a queue so a transaction's statements never interleave
 * with another caller's. Transactions start with BEGIN IMMEDIATE: the write lock is taken up
 * front, so a second process waits on busy_timeout instead of failing mid-transaction
 * (read-only transactions use a plain BEGIN).
 */
export class NodeSqliteDialect implements Dialect {
  private driver: NodeSqliteDriver | undefined;

  constructor(
    private readonly open: () => DatabaseSync,
    private readonly guard: WriteGuard = NO_GUARD,
  ) {}

  /**
   * Runs `body` while no query can use the connection; `body` gets the open connection and
   * returns the one to use from then on (the same, or a new one after closing it).
   */
  maintain(body: (current: DatabaseSync) => Promise<DatabaseSync>): Promise<void> {
    if (!this.driver) throw new Error('The SQLite store is not open');
    return this.driver.maintain(body);
  }

  createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
  createDriver(): Driver {
    this.driver = new NodeSqliteDriver(this.open, this.guard);
    return this.driver;
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
  createQueryCompiler() {
    return new StatementKeepingQueryCompiler();
  }
}

/**
 * SQLite plans with the value bound to a LIMIT, so it compiles a statement whose LIMIT is `?`
 * afresh on every run, even with the same value: a query of the Aurora outbox ran 20 times slower
 * than from its cached statement. `(? + 0)` keeps the value bound but out of the planner's
 * sight, so the cached statement is reused; our limits are small and every such query is indexed,
 * so the plan does not need the value.
 */
class StatementKeepingQueryCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    this.append('limit (');
    this.visitNode(node.limit);
    this.append(' + 0)');
  }
}

/**
 * SQLite does run DDL inside transactions. Saying so makes Kysely's Migrator run each migration
 * batch in a transaction — BEGIN IMMEDIATE here — which keeps two processes that start together
 * from applying the same migration twice.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class NodeSqliteDriver implements Driver {
  private connection: NodeSqliteConnection | undefined;
  private queue: Promise<void> = Promise.resolve();
  private releaseCurrent: (() => void) | undefined;

  constructor(
    private readonly open: () => DatabaseSync,
    private readonly guard: WriteGuard,
  ) {}

  async init(): Promise<void> {
    this.connection = new NodeSqliteConnection(this.open());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.releaseCurrent = release;
    if (!this.connection) throw new Error('The SQLite store is closed');
    return this.connection;
  }

  async maintain(body: (current: DatabaseSync) => Promise<DatabaseSync>): Promise<void> {
    const held = (await this.acquireConnection()) as NodeSqliteConnection;
    try {
      this.connection = new NodeSqliteConnection(await body(held.db));
    } finally {
      await this.releaseConnection();
    }
  }

  async releaseConnection(): Promise<void> {
    const release = this.releaseCurrent;
    this.releaseCurrent = undefined;
    release?.();
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    // Read-only transactions need no write lock: a deferred BEGIN gives a consistent snapshot.
    if (settings.accessMode === 'read only') {
      await connection.executeQuery(CompiledQuery.raw('begin'));
      return;
    }
    // Checked once the write lock is held: BEGIN IMMEDIATE may wait (busy_timeout) for another
    // process, and the check must describe the files as they are when this transaction writes.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    try {
      this.guard.beforeWrite();
    } catch (error) {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
      throw error;
    }
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.guard.afterCommit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // Nothing to roll back when the commit itself went through and only afterCommit objected.
    const { db } = connection as NodeSqliteConnection;
    if (!db.isOpen || !db.isTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.connection?.close();
    this.connection = undefined;
  }
}

/** Prepared statements kept per connection; the app's queries are a few dozen distinct texts. */
const STATEMENT_CACHE_SIZE = 256;

interface PreparedStatement {
  statement: StatementSync;
  returnsRows: boolean;
}

class NodeSqliteConnection implements DatabaseConnection {
  // Preparing parses and plans the SQL each time; on the webhook's path that was a good part of
  // the store's time. SQLite re-prepares a cached statement itself after a schema change.
  private readonly statements = new Map<string, PreparedStatement>();

  constructor(readonly db: DatabaseSync) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { statement, returnsRows } = this.prepared(compiled.sql);
    const parameters = compiled.parameters as SQLInputValue[];
    if (returnsRows) {
      return { rows: statement.all(...parameters) as R[] };
    }
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return {
      rows: [],
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
    };
  }

  private prepared(sql: string): PreparedStatement {
    const cached = this.statements.get(sql);
    if (cached) {
      // Map order is insertion order: re-inserting keeps the most recently used last.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql);
    const prepared = { statement, returnsRows: statement.columns().length > 0 };
    this.statements.set(sql, prepared);
    if (this.statements.size > STATEMENT_CACHE_SIZE) {
      this.statements.delete(this.statements.keys().next().value as string);
    }
    return prepared;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by the node:sqlite driver');
  }

  close(): void {
    this.statements.clear();
    if (this.db.isOpen) this.db.close();
  }
}
