import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * `--pin`: the servers on core 0, this process and the load generators (which inherit its
 * affinity) on the other cores. Unpinned, the kernel often wakes the bench for a webhook's answer
 * on the core the server keeps busy with the fan-out, and the "answered" figure then measures
 * that wait (about 7 ms, or 2–4 ms when the wake-up lands elsewhere) more than the server.
 * Uses `taskset` (util-linux).
 */
export class CorePinning {
  readonly others: string;

  private constructor(others: string) {
    this.others = others;
  }

  /** Pins this process (and so every process it starts from now on) off core 0. */
  static start(): CorePinning {
    const cores = availableParallelism();
    if (cores < 2) throw new Error(`--pin needs at least 2 cores; this machine has ${cores}`);
    const others = cores === 2 ? '1' : `1-${cores - 1}`;
    taskset(others, process.pid);
    return new CorePinning(others);
  }

  /** Moves a server process, all its threads, to core 0. */
  pinServer(pid: number): void {
    taskset('0', pid);
  }

  describe(): string {
    return `pinned: servers on core 0, bench and load generators on core ${this.others}`;
  }
}

function taskset(cores: string, pid: number): void {
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cores, String(pid)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'taskset is missing' : '';
    throw new Error(
      `--pin: could not pin process ${pid} to core ${cores}: ${reason || (error as Error).message}`,
      { cause: error },
    );
  }
}
