/** At most this many snapshots a second per socket, however often it asks. */
export const SNAPSHOTS_PER_SECOND = 3;

/**
 * Paces the snapshots one socket asks for with `sync`: at most one in flight, at most
 * {@link SNAPSHOTS_PER_SECOND} a second; requests that arrive meanwhile are folded into one
 * snapshot sent as soon as it is allowed (so the client still ends up with fresh state, never
 * with one snapshot per request).
 */
export class SnapshotPacer {
  private inFlight = false;
  private wanted = false;
  private lastStartedAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly send: () => Promise<void>,
    private readonly minIntervalMs = 1000 / SNAPSHOTS_PER_SECOND,
  ) {}

  /** Asks for a snapshot: sent now, or folded into the next one allowed. */
  request(): void {
    if (this.stopped) return;
    this.wanted = true;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private pump(): void {
    if (!this.wanted || this.inFlight || this.timer || this.stopped) return;
    const wait = this.lastStartedAt + this.minIntervalMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.wanted = false;
    this.inFlight = true;
    this.lastStartedAt = Date.now();
    void this.send().finally(() => {
      this.inFlight = false;
      this.pump();
    });
  }
}
