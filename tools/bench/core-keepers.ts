import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';

/**
 * A busy loop that gives up when the process that started it is gone (never left spinning on a
 * shared machine after the bench was killed). Its first argument is that process's id.
 */
const LOOP =
  'const parent = Number(process.argv[1]);' +
  'for (let i = 1; ; i++) if (i % 50_000_000 === 0 && process.ppid !== parent) process.exit(0);';

/**
 * `--awake`: one busy loop per core at the SCHED_IDLE policy, so no core ever idles. On a virtual
 * machine an idle vCPU is halted, and waking it for a webhook's answer or a board's frame takes
 * the hypervisor up to milliseconds, about as often as not: that wait, not the server, then
 * decided the "answered" figure (docs/benchmarks.md). A SCHED_IDLE task runs only on a core no
 * other task wants and is preempted at once by any that wakes, so the servers, the bench and the
 * generators keep the whole machine. Uses `taskset` and `chrt` (util-linux); no privilege needed.
 */
export class CoreKeepers {
  private readonly loops: ChildProcess[];

  private constructor(loops: ChildProcess[]) {
    this.loops = loops;
  }

  static start(): CoreKeepers {
    const check = spawnSync('chrt', ['--idle', '0', 'true']);
    if (check.error || check.status !== 0) {
      const reason = check.error ? 'chrt is missing' : check.stderr.toString().trim();
      throw new Error(`--awake: cannot run at SCHED_IDLE: ${reason}`);
    }
    const loops: ChildProcess[] = [];
    for (let core = 0; core < availableParallelism(); core++) {
      loops.push(
        spawn(
          'taskset',
          [
            '--cpu-list',
            String(core),
            'chrt',
            '--idle',
            '0',
            process.execPath,
            '-e',
            LOOP,
            String(process.pid),
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    return new CoreKeepers(loops);
  }

  get pids(): number[] {
    return this.loops.map((loop) => loop.pid ?? 0);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.loops.map(async (loop) => {
        if (loop.exitCode !== null || loop.signalCode !== null) return;
        const exited = once(loop, 'exit');
        loop.kill('SIGKILL');
        await exited;
      }),
    );
  }

  describe(): string {
    return `awake: ${this.loops.length} SCHED_IDLE busy loops keep every core from idling`;
  }
}
