import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Tables } from './database';

/** Stands where a value goes while the query is built; found again among the compiled parameters. */
class Slot {
  constructor(readonly name: string) {}
}

type SlotFunction<Values> = <K extends keyof Values & string>(name: K) => Values[K];

/**
 * A query that Kysely builds and compiles once, then runs with new values each time. Kysely builds
 * and compiles a statement afresh on every call (expression builders, frozen nodes, the compiler's
 * visitor); on the order webhook's path that cost more CPU than the store's own work (issue 18).
 *
 * The query is built with a slot for each value that changes (`slot('number')`); each run puts
 * the values in the slots' places among the compiled parameters. A slot must stand where Kysely
 * keeps a value as a bound parameter (a comparison, an inserted value, a `sql` template's
 * `${…}`), never where it would change the statement's text. Compiled on first use, for the
 * store's dialect.
 */
export class PreparedQuery<Values extends object, Row> {
  private compiled:
    { query: CompiledQuery<Row>; slots: ((keyof Values & string) | undefined)[] } | undefined;

  constructor(
    private readonly build: (db: Kysely<Tables>, slot: SlotFunction<Values>) => Compilable<Row>,
  ) {}

  async execute(db: Kysely<Tables>, values: Values): Promise<QueryResult<Row>> {
    const { query, slots } = (this.compiled ??= this.compile(db));
    const parameters = slots.map((name, index) =>
      name === undefined ? query.parameters[index] : values[name],
    );
    return db.executeQuery<Row>({ ...query, parameters });
  }

  /** The first row, or an error naming what was missing (as `executeTakeFirstOrThrow`). */
  async takeFirstOrThrow(db: Kysely<Tables>, values: Values): Promise<Row> {
    const [row] = (await this.execute(db, values)).rows;
    if (row === undefined) throw new Error(`No row from: ${this.compiled?.query.sql}`);
    return row;
  }

  private compile(db: Kysely<Tables>) {
    const query = this.build(
      db,
      ((name: string) => new Slot(name)) as SlotFunction<Values>,
    ).compile();
    const slots = query.parameters.map((parameter) =>
      parameter instanceof Slot ? (parameter.name as keyof Values & string) : undefined,
    );
    return { query, slots };
  }
}
