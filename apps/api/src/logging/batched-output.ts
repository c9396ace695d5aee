import type { DestinationStream } from 'pino';

/** What the batches are written to: pino's asynchronous destination, holding nothing itself. */
export interface LineSink {
  write(data: string): boolean;
  flushSync(): void;
}

/**
 * Log lines held in memory and written as one batch, `intervalMs` after the first line of the
 * batch or as soon as it holds `batchSize` characters. Unlike a periodic flush, an idle process
 * makes no writes and sets no timer (sonic-boom's `periodicFlush` wrote an empty string 50 times
 * a second, waking the process and its reader for nothing). While a batch is held, a process
 * that exits (`process.exit` after a failed start) writes it first.
 */
export class BatchedOutput implements DestinationStream {
  private batch = '';
  private timer: NodeJS.Timeout | undefined;
  private readonly onExit = () => this.flushSync();
  // Plain fields, not parameter properties: a test runs this file in Node without a compiler.
  private readonly sink: LineSink;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(sink: LineSink, intervalMs: number, batchSize: number) {
    this.sink = sink;
    this.intervalMs = intervalMs;
    this.batchSize = batchSize;
  }

  write(line: string): void {
    this.batch += line;
    if (this.batch.length >= this.batchSize) this.writeBatch();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.writeBatch(), this.intervalMs).unref();
      process.once('exit', this.onExit);
    }
  }

  /** Writes what is held and waits until the sink has written everything (at shutdown). */
  flushSync(): void {
    this.writeBatch();
    this.sink.flushSync();
  }

  private writeBatch(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      process.off('exit', this.onExit);
    }
    if (this.batch === '') return;
    const batch = this.batch;
    this.batch = '';
    this.sink.write(batch);
  }
}
