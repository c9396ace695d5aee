import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { destination } from 'pino';

/** How long a log line may wait in memory before it is written. */
const LOG_FLUSH_INTERVAL_MS = 20;
/** Buffered lines are written at once when they reach this many bytes (a busy moment). */
const LOG_BATCH_BYTES = 4096;

/**
 * Standard output, written asynchronously and in batches. Asynchronously: a synchronous write
 * blocks the event loop while the reader (journald, a pipe) is slow, and on a full pipe pino's
 * synchronous mode sleeps 100 ms before it retries. In batches, every {@link LOG_FLUSH_INTERVAL_MS}
 * or {@link LOG_BATCH_BYTES}: each write wakes whatever reads our output, and when that happened
 * between an order's answer and its board broadcast (the request's own log lines), the reader took
 * a core from the fan-out and the phones' receipt came ~1.5 ms later at 1,000 boards (issue 18,
 * docs/benchmarks.md).
 *
 * What is still buffered is written when the app shuts down: on SIGTERM Nest ends the process by
 * raising the signal again once its hooks have run, and a process ended by a signal runs no exit
 * handler, so without this the lines of the last few milliseconds (the last order's among them)
 * were lost. A SIGKILL still loses at most the last interval's lines.
 */
@Injectable()
export class LogOutput implements OnApplicationShutdown {
  readonly stream = destination({
    dest: 1,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    periodicFlush: LOG_FLUSH_INTERVAL_MS,
  });

  onApplicationShutdown(): void {
    this.stream.flushSync();
  }
}
