import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from './wait-until';

const MAIN = join(import.meta.dirname, '../../../../dist/apps/api/main.js');
const LISTENING = /listening on (http:\/\/localhost:\d+)/;
/**
 * fetch() writes a request's headers one event-loop turn before its body. A test process starved
 * of CPU for longer than the request timeout (10 s when written) between those turns gets a correct 408
 * from the server, which two busy-core CI runs hit in webhook-key.e2e (20 forgeries signed and
 * sent at once). Tests of other things get generous limits; the timeout tests set their own.
 */
const PATIENT_HTTP_LIMITS = { HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '120000' };

/** The built API (dist/apps/api/main.js) running as a child process, as in production. */
export class ServerProcess {
  private output = '';
  private stopping = false;
  private marks = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string | undefined>): Promise<ServerProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the api first`);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        ...PATIENT_HTTP_LIMITS,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = LISTENING.exec(output);
        if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('close', (code) =>
        reject(new Error(`Server exited (${code}) at start:\n${output}`)),
      );
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`Server did not start in 60 s:\n${output}`));
      }, 60_000);
    }).finally(() => clearTimeout(timer));
    const server = new ServerProcess(child, url);
    server.output = output;
    const append = (chunk: Buffer) => (server.output += chunk.toString());
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.once('exit', (code, signal) => {
      if (server.stopping) return;
      // Otherwise the tests after it only see "connection refused": say why it went.
      console.error(
        `Server ${url} exited unexpectedly (code ${code}, signal ${signal}); its last output:\n` +
          server.output.slice(-4000),
      );
    });
    return server;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** The output so far; log lines may still be on their way (see {@link logsUpToNow}). */
  get logs(): string {
    return this.output;
  }

  /**
   * The output once every line logged before this call has arrived. The server writes its log in
   * batches (LOG_FLUSH_INTERVAL_MS), in order: a request made now, with an id of its own, is
   * logged after them, so its line arriving means theirs have.
   */
  async logsUpToNow(): Promise<string> {
    const id = `logs-up-to-now-${++this.marks}`;
    await fetch(`${this.url}/api/orders`, { headers: { 'x-request-id': id } });
    await waitUntil(() => this.output.includes(`"id":"${id}"`), 30_000, `log line of ${id}`);
    return this.output;
  }

  /** Sends the signal and waits until the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.stopping = true;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}

/** Runs the built API once and returns how it ended (for configuration errors). */
export function runServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'], NODE_ENV: 'test', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // 'close', not 'exit': the process can end before its last output has been read.
    child.once('close', (code) => resolve({ code, output }));
  });
}
