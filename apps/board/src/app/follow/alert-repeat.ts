/** Every this often while a followed order is ready and not acknowledged. */
export const ALERT_REPEAT_MS = 10_000;
/** For at most this long after the call: after that, nagging helps nobody. */
export const ALERT_REPEAT_FOR_MS = 2 * 60_000;

/**
 * Repeats an alert every {@link ALERT_REPEAT_MS} until stopped or for {@link ALERT_REPEAT_FOR_MS}.
 * Timers are injected so tests can drive it.
 */
export class AlertRepeat {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
  ) {}

  start(alert: () => void): void {
    this.stop();
    let repeats = Math.floor(ALERT_REPEAT_FOR_MS / ALERT_REPEAT_MS);
    this.timer = this.timers.setInterval(() => {
      alert();
      if (--repeats <= 0) this.stop();
    }, ALERT_REPEAT_MS);
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
  }
}
