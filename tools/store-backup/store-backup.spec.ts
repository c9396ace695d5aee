import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { backupStore } from './store-backup.ts';

describe('store backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubble-backup-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a live WAL database, including writes not yet checkpointed', async () => {
    const source = join(dir, 'hubble.sqlite');
    const live = new DatabaseSync(source);
    live.exec('PRAGMA journal_mode = WAL; CREATE TABLE orders (number INTEGER)');
    const insert = live.prepare('INSERT INTO orders (number) VALUES (?)');
    for (let n = 1; n <= 50; n++) insert.run(n);

    const target = join(dir, 'copy.sqlite');
    assert.ok((await backupStore(source, target)) > 0);
    live.close();

    const copy = new DatabaseSync(target, { readOnly: true });
    assert.deepEqual({ ...copy.prepare('SELECT count(*) AS n FROM orders').get() }, { n: 50 });
    copy.close();
  });

  it('refuses to overwrite a file or to copy a store that is not there', async () => {
    await assert.rejects(
      backupStore(join(dir, 'hubble.sqlite'), join(dir, 'copy.sqlite')),
      /exists/,
    );
    await assert.rejects(
      backupStore(join(dir, 'missing.sqlite'), join(dir, 'x.sqlite')),
      /No store/,
    );
  });
});
