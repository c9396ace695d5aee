import { type RawBuilder, sql, type SqlBool } from 'kysely';

/**
 * `<column> in ('pending', 'retrying')`: the Aurora calls and pushes still to be made. The states
 * are written into the statement, not bound: SQLite uses a partial index (`aurora_outbox_undone`,
 * `push_deliveries_undone`) only when the query's own terms prove the index's condition, which a
 * bound parameter never does. With parameters every poll scanned the whole table (a day of
 * finished entries) and the webhook's own push statement did too, inside the order's transaction.
 */
export function isUndone(column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in ('pending', 'retrying')`;
}

/** Finished: delivered, dropped or failed (see {@link isUndone}). */
export function isFinished(column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} not in ('pending', 'retrying')`;
}
