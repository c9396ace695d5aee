import type { ServerProcess } from './server-process';
import { waitUntil } from './wait-until';

/** Starts the server with its inspector on a free local port (pass to {@link ServerProcess.start}). */
export const INSPECTABLE = { NODE_OPTIONS: '--inspect=127.0.0.1:0' };

const INSPECTOR_URL = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/;

interface Reply {
  id?: number;
  result?: { result?: { value?: unknown } };
  error?: { message: string };
}

/**
 * The memory a server process really holds, asked through its inspector after a full garbage
 * collection. The peak RSS of a process under attack measures when V8 chose to collect (on a
 * loaded box it lets garbage grow far past what is live), and RSS does not shrink after a GC;
 * what survives a full GC is what a leak would grow.
 */
export class HeapInspector {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const reply = JSON.parse(String(event.data)) as Reply;
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
    });
  }

  static async attach(server: ServerProcess): Promise<HeapInspector> {
    await waitUntil(() => INSPECTOR_URL.test(server.logs), 10_000, 'the inspector address');
    const url = INSPECTOR_URL.exec(server.logs)![1];
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`inspector ${url} refused`)), {
        once: true,
      });
    });
    return new HeapInspector(socket);
  }

  /** Bytes on the V8 heap plus Buffers and other memory held outside it, after a full GC. */
  async retainedBytes(): Promise<number> {
    // Twice: the first collection can leave what finalizers of the first released.
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const reply = await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const usage = JSON.parse(String(reply.result?.result?.value)) as NodeJS.MemoryUsage;
    return usage.heapUsed + usage.external;
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string, params: object = {}): Promise<Reply> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        this.pending.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}
