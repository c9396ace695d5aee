import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { CoreKeepers } from './core-keepers.ts';

/** The scheduling policy of a process (field `policy` of /proc/<pid>/sched; 5 is SCHED_IDLE). */
function policyOf(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/sched`, 'utf8');
    return Number(/^policy\s*:\s*(\d+)/m.exec(text)?.[1]);
  } catch {
    return undefined;
  }
}

/** Running, not gone and not a zombie (in a container nothing may reap an orphan). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Polls `condition` every 50 ms for up to `seconds`. */
async function eventually(condition: () => boolean, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

const SCHED_IDLE = 5;

describe('CoreKeepers (--awake)', () => {
  it('runs one loop per core at SCHED_IDLE, each on its own core, and stops them', async () => {
    const keepers = CoreKeepers.start();
    try {
      assert.equal(keepers.pids.length, availableParallelism());
      // taskset and chrt exec into the loop: once the policy reads SCHED_IDLE the loop runs.
      assert.ok(
        await eventually(() => keepers.pids.every((pid) => policyOf(pid) === SCHED_IDLE), 10),
        'every loop runs at SCHED_IDLE',
      );
      const cores = keepers.pids.map(
        (pid) =>
          /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1],
      );
      assert.deepEqual(
        cores,
        keepers.pids.map((_, core) => String(core)),
      );
    } finally {
      await keepers.stop();
    }
    assert.ok(keepers.pids.every((pid) => !alive(pid)));
  });

  it('a loop ends by itself when the process that started it is gone', async () => {
    // A parent that starts keepers, prints their ids and dies without stopping them.
    const script =
      `const { CoreKeepers } = await import(${JSON.stringify(new URL('./core-keepers.ts', import.meta.url).href)});` +
      'const keepers = CoreKeepers.start(); console.log(JSON.stringify(keepers.pids));' +
      'setTimeout(() => process.kill(process.pid, "SIGKILL"), 500);';
    const parent = spawn(
      process.execPath,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', '--input-type=module', '-e', script],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => parent.once('exit', resolve));
    const pids = JSON.parse(output) as number[];
    assert.ok(pids.length > 0);
    assert.ok(
      await eventually(() => pids.every((pid) => !alive(pid)), 30),
      `loops still running after their parent died: ${pids.filter(alive).join(', ')}`,
    );
  });
});
