import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Runs in its own process, so the test's own file limit is not what is measured. Opens raw TCP
// connections in batches (a burst larger than the listen backlog only slows itself down), sends
// nothing, and reports how many are open each time asked.
const SCRIPT = `
const net = require('node:net');
const [host, port, count] = process.argv.slice(1);
let open = 0, closed = 0;
const sockets = [];
const report = (kind) => process.stdout.write(JSON.stringify({ kind, open, closed }) + '\\n');
async function main() {
  for (let started = 0; started < Number(count); ) {
    const batch = Math.min(500, Number(count) - started);
    await Promise.all(Array.from({ length: batch }, () => new Promise((resolve) => {
      const socket = net.connect({ host, port: Number(port) });
      let connected = false;
      sockets.push(socket);
      socket.once('connect', () => { connected = true; open++; resolve(); });
      socket.once('error', () => resolve());
      socket.once('close', () => { if (connected) { open--; closed++; } resolve(); });
    })));
    started += batch;
  }
  report('held');
}
process.stdin.on('data', () => report('count'));
main();
`;

/** How many files a process may open here (the hard limit; Node raises the soft one to it). */
export function hardOpenFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('Max open files'));
  const hard = line?.trim().split(/\s+/)[4];
  return hard === undefined || hard === 'unlimited' ? 1_000_000 : Number(hard);
}

export interface CrowdCount {
  open: number;
  closed: number;
}

/** Another process holding `count` idle TCP connections to `url` (the same host and port). */
export class IdleCrowd {
  private buffer = '';
  private waiters: ((count: CrowdCount) => void)[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString();
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, newline)) as CrowdCount;
        this.buffer = this.buffer.slice(newline + 1);
        this.waiters.shift()?.(message);
      }
    });
  }

  /** Resolves once every connection was attempted, with how many are open. */
  static async gather(url: string, count: number): Promise<{ crowd: IdleCrowd; held: CrowdCount }> {
    const { hostname, port } = new URL(url);
    const child = spawn(process.execPath, ['-e', SCRIPT, hostname, port, String(count)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const crowd = new IdleCrowd(child);
    const held = await crowd.next();
    return { crowd, held };
  }

  /** How many of its connections are open now. */
  count(): Promise<CrowdCount> {
    const answer = this.next();
    this.child.stdin?.write('\n');
    return answer;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  private next(): Promise<CrowdCount> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
