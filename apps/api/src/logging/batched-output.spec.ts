import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jest } from '@jest/globals';
import { destination } from 'pino';
import { BatchedOutput, type LineSink } from './batched-output';

/** A sink that keeps what it is given, batch by batch. */
class KeptBatches implements LineSink {
  readonly batches: string[] = [];
  write(data: string): boolean {
    this.batches.push(data);
    return true;
  }
  flushSync(): void {
    // Nothing is held here.
  }
}

describe('BatchedOutput', () => {
  afterEach(() => jest.useRealTimers());

  it('holds lines and writes them as one batch once the interval has passed', () => {
    jest.useFakeTimers();
    const sink = new KeptBatches();
    const output = new BatchedOutput(sink, 20, 4096);
    output.write('first\n');
    jest.advanceTimersByTime(10);
    output.write('second\n');
    expect(sink.batches).toEqual([]);
    jest.advanceTimersByTime(10);
    expect(sink.batches).toEqual(['first\nsecond\n']);
  });

  it('writes at once when the batch reaches its size', () => {
    jest.useFakeTimers();
    const sink = new KeptBatches();
    const output = new BatchedOutput(sink, 20, 100);
    output.write(`${'a'.repeat(60)}\n`);
    output.write(`${'b'.repeat(60)}\n`);
    expect(sink.batches).toEqual([`${'a'.repeat(60)}\n${'b'.repeat(60)}\n`]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sets no timer and writes nothing while idle', () => {
    jest.useFakeTimers();
    const sink = new KeptBatches();
    const output = new BatchedOutput(sink, 20, 4096);
    expect(jest.getTimerCount()).toBe(0);
    output.write('line\n');
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(20);
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10_000);
    expect(sink.batches).toEqual(['line\n']);
  });

  it('flushSync writes what is held and has the sink finish its writes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'batched-output-')), 'out.log');
    const file = destination({ dest: path, sync: false });
    await once(file, 'ready');
    const output = new BatchedOutput(file, 60_000, 4096);
    output.write('held line\n');
    output.flushSync();
    expect(readFileSync(path, 'utf8')).toBe('held line\n');
  });

  it('writes what is held when the process exits (a failed start calls process.exit)', () => {
    const module = pathToFileURL(join(import.meta.dirname, 'batched-output.ts')).href;
    const script = [
      `import { destination } from 'pino';`,
      `import { BatchedOutput } from '${module}';`,
      `const output = new BatchedOutput(destination({ dest: 1, sync: false }), 60_000, 4096);`,
      `output.write('the last line before exit\\n');`,
      `process.exit(3);`,
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', '--input-type=module', '-e', script],
      {
        cwd: import.meta.dirname,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
    expect(child.stdout).toBe('the last line before exit\n');
  });
});
