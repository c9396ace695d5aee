import { constants, DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { NodeSqliteDialect } from './node-sqlite-dialect';

interface Numbers {
  numbers: { n: number };
}

describe('the node:sqlite dialect', () => {
  let sqlite: DatabaseSync;
  let db: Kysely<Numbers>;
  /** SQLite asks the authorizer while it compiles a statement, never while it runs one. */
  let compilations = 0;

  beforeEach(() => {
    sqlite = new DatabaseSync(':memory:');
    sqlite.exec('create table numbers (n integer primary key)');
    for (let n = 1; n <= 10; n++) sqlite.prepare('insert into numbers (n) values (?)').run(n);
    sqlite.setAuthorizer(() => {
      compilations++;
      return constants.SQLITE_OK;
    });
    db = new Kysely<Numbers>({ dialect: new NodeSqliteDialect(() => sqlite) });
  });

  afterEach(async () => {
    await db.destroy();
  });

  const firstNumbers = async (limit: number, offset = 0) =>
    (
      await db.selectFrom('numbers').select('n').orderBy('n').limit(limit).offset(offset).execute()
    ).map((row) => row.n);

  it('runs a query with a bound LIMIT from its cached statement, whatever the value', async () => {
    expect(await firstNumbers(3)).toEqual([1, 2, 3]);
    const afterFirstRun = compilations;
    expect(afterFirstRun).toBeGreaterThan(0);

    expect(await firstNumbers(5)).toEqual([1, 2, 3, 4, 5]);
    expect(await firstNumbers(2, 4)).toEqual([5, 6]);
    expect(await firstNumbers(3)).toEqual([1, 2, 3]);
    expect(compilations).toBe(afterFirstRun);
  });

  it('still refuses a LIMIT that is not a whole number, and takes -1 as no limit', async () => {
    await expect(firstNumbers(2.5)).rejects.toThrow(/datatype mismatch/);
    expect(await firstNumbers(-1)).toHaveLength(10);
  });
});
