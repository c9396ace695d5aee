import { DOCUMENT, inject, Injectable } from '@angular/core';

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
}

interface NavigatorWithWakeLock {
  wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> };
}

/**
 * Keeps the screen on while the customer's order is ready (Screen Wake Lock, where available).
 * Browsers drop the lock when the page is hidden, so it is taken again when it is shown.
 */
@Injectable({ providedIn: 'root' })
export class ScreenWakeLock {
  private readonly document = inject(DOCUMENT);
  private wanted = false;
  private sentinel: WakeLockSentinelLike | null = null;

  constructor() {
    this.document.addEventListener('visibilitychange', () => {
      if (this.wanted && this.document.visibilityState === 'visible') void this.acquire();
    });
  }

  hold(on: boolean): void {
    this.wanted = on;
    if (on) void this.acquire();
    else void this.release();
  }

  private async acquire(): Promise<void> {
    const wakeLock = (this.document.defaultView?.navigator as NavigatorWithWakeLock | undefined)
      ?.wakeLock;
    if (!wakeLock || (this.sentinel && !this.sentinel.released)) return;
    try {
      this.sentinel = await wakeLock.request('screen');
      if (!this.wanted) await this.release();
    } catch {
      // Refused (battery saver, hidden page): the alerts still work.
    }
  }

  private async release(): Promise<void> {
    const sentinel = this.sentinel;
    this.sentinel = null;
    await sentinel?.release().catch(() => undefined);
  }
}
