import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { limitRefused, spawnWithFdLimit } from './spawn-limited.ts';

/** The build to measure: this checkout's dist/, or another one (comparing before/after). */
export const DEFAULT_DIST = join(import.meta.dirname, '../../dist');
const LISTENING = /listening on http:\/\/localhost:(\d+)/;
/** pino's level of a JSON log line; 40 is a warning, 50 an error. */
const LEVEL = /^\{"level":(\d+),/;
const WARNINGS_KEPT = 20;

/** The built API (dist/apps/api/main.js) as in production, in a process of its own. */
export class BenchServer {
  private tail = '';
  private partialLine = '';
  /** The server's own warnings and errors (e.g. connections closed to make room), first ones. */
  readonly warnings: string[] = [];
  private readonly child: ChildProcess;
  readonly url: string;

  private constructor(child: ChildProcess, url: string) {
    this.child = child;
    this.url = url;
  }

  static async start(
    env: Record<string, string>,
    fdLimit: number,
    dist = DEFAULT_DIST,
    script = join(dist, 'apps/api/main.js'),
  ): Promise<BenchServer> {
    const child = spawnWithFdLimit(script, [], {
      fdLimit,
      env: { PATH: process.env['PATH'], HOST: '127.0.0.1', PORT: '0', ...env },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const port = LISTENING.exec(output)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(limitRefused(code, fdLimit) ?? `server exited (${code}):\n${output}`)),
      );
    });
    const server = new BenchServer(child, url);
    // Drain the log (one JSON line per request) so the pipe never blocks the server.
    const keep = (chunk: Buffer) => {
      server.tail = (server.tail + chunk.toString()).slice(-4000);
      server.collectWarnings(chunk.toString());
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return server;
  }

  private collectWarnings(text: string): void {
    const lines = (this.partialLine + text).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (this.warnings.length >= WARNINGS_KEPT) return;
      const level = Number(LEVEL.exec(line)?.[1] ?? 0);
      if (level >= 40) this.warnings.push(line.slice(0, 400));
    }
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get lastLog(): string {
    return this.tail;
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

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
