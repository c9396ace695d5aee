import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type {
  AuroraCommand,
  AuroraReply,
  IngestCommand,
  IngestReply,
  SwarmCommand,
  SwarmReply,
} from './messages.ts';
import { limitRefused, spawnWithFdLimit } from './spawn-limited.ts';

type Reply = SwarmReply | IngestReply | AuroraReply;

/**
 * A helper process of the benchmark (load generators swarm.ts and ingest.ts, the Aurora stand-in
 * aurora-receiver.ts) and a typed request/reply over IPC.
 */
export class Generator<
  Command extends SwarmCommand | IngestCommand | AuroraCommand,
  R extends Reply,
> {
  private readonly waiting: {
    type: string;
    resolve: (reply: R) => void;
    reject: (e: Error) => void;
  }[] = [];
  private exit: Error | undefined;
  private readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (reply: R) => {
      if (reply.type === 'error') {
        this.waiting.splice(0).forEach((w) => w.reject(new Error(reply.message)));
        return;
      }
      const index = this.waiting.findIndex((w) => w.type === reply.type);
      if (index >= 0) this.waiting.splice(index, 1)[0].resolve(reply);
    });
    let stderr = '';
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)),
    );
    child.on('exit', (code) => {
      this.exit = new Error(
        limitRefused(code, fdLimitOf(child)) ?? `generator exited (${code}) ${stderr}`,
      );
      this.waiting.splice(0).forEach((w) => w.reject(this.exit as Error));
    });
  }

  static swarm(fdLimit: number): Generator<SwarmCommand, SwarmReply> {
    return new Generator(spawnGenerator('swarm.ts', fdLimit));
  }

  static ingest(fdLimit: number): Generator<IngestCommand, IngestReply> {
    return new Generator(spawnGenerator('ingest.ts', fdLimit));
  }

  /** The Aurora stand-in in its own process; `ready` carries its URL. */
  static aurora(apiKey: string): Generator<AuroraCommand, AuroraReply> {
    return new Generator(
      spawnGenerator('aurora-receiver.ts', 1024, { ...process.env, AURORA_API_KEY: apiKey }),
    );
  }

  /** Resolves with the first reply of type `expect`, without sending anything. */
  next<T extends R['type']>(expect: T): Promise<Extract<R, { type: T }>> {
    if (this.exit) return Promise.reject(this.exit);
    return new Promise<Extract<R, { type: T }>>((resolve, reject) =>
      this.waiting.push({ type: expect, resolve: resolve as (r: R) => void, reject }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(command: Command): void {
    this.child.send(command);
  }

  /** Sends `command` and resolves with the first reply of type `expect`. */
  request<T extends R['type']>(command: Command, expect: T): Promise<Extract<R, { type: T }>> {
    const reply = this.next(expect);
    if (!this.exit) this.child.send(command);
    return reply;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

const limits = new WeakMap<ChildProcess, number>();

function spawnGenerator(script: string, fdLimit: number, env?: NodeJS.ProcessEnv): ChildProcess {
  const child = spawnWithFdLimit(join(import.meta.dirname, script), [], {
    fdLimit,
    ipc: true,
    env,
  });
  limits.set(child, fdLimit);
  return child;
}

function fdLimitOf(child: ChildProcess): number {
  return limits.get(child) ?? 0;
}
