import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createSqliteFileOnce } from './create-sqlite-file';
import { checkSqliteStoreAtStart } from './store-start-check';

describe('createSqliteFileOnce', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hubble-create-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts a whole WAL-mode file in place, which the start check accepts at once', () => {
    const path = join(dir, 'hubble.sqlite');
    expect(createSqliteFileOnce(path)).toBe(true);

    expect(statSync(path).size).toBeGreaterThan(0);
    expect(() => checkSqliteStoreAtStart(path, [])).not.toThrow();
    const db = new DatabaseSync(path);
    expect(db.prepare('pragma journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    expect(readdirSync(dir).filter((name) => name.endsWith('.new'))).toEqual([]);
  });

  it('leaves a file that is already there exactly as it is', () => {
    const path = join(dir, 'hubble.sqlite');
    writeFileSync(path, 'not ours to touch');
    expect(createSqliteFileOnce(path)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('not ours to touch');
  });

  it('of two creations of one path, exactly one creates it', () => {
    const path = join(dir, 'hubble.sqlite');
    expect([createSqliteFileOnce(path), createSqliteFileOnce(path)]).toEqual([true, false]);
    expect(readdirSync(dir).sort()).toEqual(['hubble.sqlite']);
  });
});
