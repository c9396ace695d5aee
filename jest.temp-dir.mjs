// Every temporary file of a test run (SQLite stores, key files, browser profiles) goes under one
// directory that is removed when the run ends, however its tests ended. Workers are started after
// the global setup and inherit TMPDIR, so os.tmpdir() points there in every test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'hubble-test-'));
  process.env['HUBBLE_TEST_TMPDIR'] = dir;
  process.env['TMPDIR'] = dir;
}

export function teardown() {
  const dir = process.env['HUBBLE_TEST_TMPDIR'];
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
