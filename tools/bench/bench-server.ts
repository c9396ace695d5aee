import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { limitRefused, spawnWithFdLimit } from './spawn-limited.ts';

/** The build to measure: this checkout's dist/, or another one (comparing before/after). */
export const DEFAULT_DIST = join(import.meta.dirname, '../../dist');
const LISTENING = /listening on http:\/\/localhost:(\d+)/;
/** pino's level of a JSON log line; 40 is a warning, 50 an error. */
const LEVEL = /^\{"level":(\d+),/;
const WARNINGS_KEPT = 20;
/** How often the log file is read while waiting for the server to listen. */
const START_POLL_MS = 25;

/**
 * The built API (dist/apps/api/main.js) as in production, in a process of its own. Its log
 * (stdout and stderr) goes to a file, read only once it stopped: through a pipe this process
 * would read two log lines per order on the load generators' core while they time the boards'
 * receipts, a cost the product's figures would carry and the floor's (it logs nothing) not.
 */
export class BenchServer {
  private readonly child: ChildProcess;
  private readonly logDir: string;
  readonly url: string;
  /** The server's own warnings and errors (e.g. connections closed to make room), first ones. */
  warnings: string[] = [];

  private constructor(child: ChildProcess, logDir: string, url: string) {
    this.child = child;
    this.logDir = logDir;
    this.url = url;
  }

  static async start(
    env: Record<string, string>,
    fdLimit: number,
    dist = DEFAULT_DIST,
    script = join(dist, 'apps/api/main.js'),
  ): Promise<BenchServer> {
    const logDir = mkdtempSync(join(tmpdir(), 'hubble-bench-log-'));
    const logFile = join(logDir, 'server.log');
    const output = openSync(logFile, 'a');
    const child = spawnWithFdLimit(script, [], {
      fdLimit,
      output,
      env: { PATH: process.env['PATH'], HOST: '127.0.0.1', PORT: '0', ...env },
    });
    closeSync(output);
    let exited: string | undefined;
    child.once('exit', (code) => {
      exited = limitRefused(code, fdLimit) ?? `server exited (${code})`;
    });
    for (;;) {
      const log = readFileSync(logFile, 'utf8');
      const port = LISTENING.exec(log)?.[1];
      if (port) return new BenchServer(child, logDir, `http://127.0.0.1:${port}`);
      if (exited) {
        rmSync(logDir, { recursive: true, force: true });
        throw new Error(`${exited}:\n${log}`);
      }
      await sleep(START_POLL_MS);
    }
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Resident memory, bytes (from /proc). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }

  /** CPU time used so far (user + system), ms (from /proc). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  }

  /** Stops the server, then keeps its warnings and removes its log. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    this.warnings = warningsIn(readLog(join(this.logDir, 'server.log')));
    rmSync(this.logDir, { recursive: true, force: true });
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The first warnings and errors of a pino log (one JSON object a line). */
function warningsIn(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => Number(LEVEL.exec(line)?.[1] ?? 0) >= 40)
    .slice(0, WARNINGS_KEPT)
    .map((line) => line.slice(0, 400));
}
