// npm run backup -- <target file> [--data-dir data]
// Writes a consistent copy of DATA_DIR/hubble.sqlite while the server keeps running.
// Restore: stop the server, replace DATA_DIR/hubble.sqlite with the copy, delete any
// hubble.sqlite-wal / -shm next to it, start the server.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupStore, STORE_FILE } from './store-backup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string', default: process.env['DATA_DIR'] ?? 'data' } },
});
const [target] = positionals;
if (!target) {
  console.error('Usage: npm run backup -- <target file> [--data-dir data]');
  process.exit(2);
}
const source = join(resolve(values['data-dir']), STORE_FILE);
try {
  const pages = await backupStore(source, resolve(target));
  console.log(`Backed up ${source} to ${resolve(target)} (${pages} pages)`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
