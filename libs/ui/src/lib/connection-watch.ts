import { signal } from '@angular/core';

/** `connecting` until first live, `live` while synced, `reconnecting` after a loss. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The connection state of a live view, and whether to say it is lost: `lost` turns true only
 * once the view has not been live for `delayMs`, so a short blip shows no banner.
 */
export class ConnectionWatch {
  private readonly statusSignal = signal<ConnectionStatus>('connecting');
  private readonly lostSignal = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly status = this.statusSignal.asReadonly();
  readonly lost = this.lostSignal.asReadonly();

  constructor(private readonly delayMs: number) {}

  live(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.statusSignal.set('live');
    this.lostSignal.set(false);
  }

  notLive(status: Exclude<ConnectionStatus, 'live'>): void {
    this.statusSignal.set(status);
    if (this.timer === undefined && !this.lostSignal()) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.statusSignal() !== 'live') this.lostSignal.set(true);
      }, this.delayMs);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
