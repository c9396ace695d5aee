/**
 * Background work a service started and did not await (timers, event handlers): shutdown waits
 * for all of it to settle before the store closes.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  /** Starts `work` and keeps it until it settles; errors stay the caller's to handle. */
  run(work: () => Promise<unknown>): void {
    const promise = work().finally(() => this.running.delete(promise));
    promise.catch(() => undefined);
    this.running.add(promise);
  }

  /** Settles once everything started so far has. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
