/**
 * Group commit: writes that arrive together, or while a transaction is committing, go into one
 * transaction. Each commit costs one fsync however many writes it holds, so under load
 * throughput grows with concurrency instead of being capped at one write per fsync; a lone write
 * waits only for the end of the current event-loop turn.
 *
 * If a batch fails, its writes are retried one transaction each, so one bad write fails alone.
 */
export class GroupCommit<Work, Result> {
  private readonly queue: {
    work: Work;
    resolve: (r: Result) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private flushing = false;

  constructor(
    private readonly commit: (batch: readonly Work[]) => Promise<Result[]>,
    private readonly maxBatch = 256,
  ) {}

  submit(work: Work): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Start after the current turn of the event loop: every request read in the same I/O
        // phase joins this batch. This matters with node:sqlite, whose commit (and fsync)
        // blocks the thread, so nothing can join while a commit is running.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.commit(batch.map((entry) => entry.work));
          batch.forEach((entry, index) => entry.resolve(results[index]));
        } catch (error) {
          if (batch.length === 1) {
            batch[0].reject(error);
            continue;
          }
          for (const entry of batch) {
            try {
              entry.resolve((await this.commit([entry.work]))[0]);
            } catch (alone) {
              entry.reject(alone);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
