import { DOCUMENT, inject, Injectable } from '@angular/core';
import { type BrandingDto, DEFAULT_BRAND_NAME } from '@hubble/contracts';

/** NotificationOptions with the fields lib.dom does not list yet. */
interface ReadyNotificationOptions extends NotificationOptions {
  renotify?: boolean;
  vibrate?: number[];
}

const VIBRATION = [300, 120, 300];
/** How long a notification waits for the service worker to become active (first visit). */
export const SERVICE_WORKER_WAIT_MS = 10_000;

/**
 * The ways the board gets a customer's attention: a beep (WebAudio, no sound file), vibration,
 * and a system notification through the service worker registration, which also shows while the
 * tab is in the background and, on Android, is the only kind a page may show.
 */
@Injectable({ providedIn: 'root' })
export class Alerts {
  private readonly window = inject(DOCUMENT).defaultView;
  private audio: AudioContext | null = null;
  private icon = 'icons/icon-192.png';
  private brandName: string | null = null;

  /** Notifications carry the café's logo and, when it set one, its name (run-time branding). */
  useBranding(branding: BrandingDto): void {
    if (branding.logoUrl) this.icon = branding.logoUrl;
    this.brandName = branding.name === DEFAULT_BRAND_NAME ? null : branding.name;
  }

  /**
   * Browsers let a page make sound only after a tap: call this from a click handler. Returns
   * false where WebAudio is missing.
   */
  unlockSound(): boolean {
    const Context = this.window?.AudioContext;
    if (!Context) return false;
    this.audio ??= new Context();
    void this.audio.resume();
    return true;
  }

  /**
   * Resolves true once the page may make sound (the browser's autoplay policy allowed it, or a tap
   * unlocked it), false if it still may not after `ms`.
   */
  soundAllowedWithin(ms: number): Promise<boolean> {
    const audio = this.audio;
    if (!audio) return Promise.resolve(false);
    if (audio.state === 'running') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        if (audio.state !== 'running') return;
        clearTimeout(timer);
        audio.removeEventListener('statechange', done);
        resolve(true);
      };
      const timer = setTimeout(() => {
        audio.removeEventListener('statechange', done);
        resolve(audio.state === 'running');
      }, ms);
      audio.addEventListener('statechange', done);
    });
  }

  /** Two rising tones for "your order", a softer two-tone chime for the kiosk. */
  beep(kind: 'mine' | 'chime'): void {
    const audio = this.audio;
    if (!audio || audio.state !== 'running') return;
    const tones = kind === 'mine' ? [880, 1320] : [660, 990];
    const volume = kind === 'mine' ? 0.25 : 0.15;
    tones.forEach((frequency, index) => {
      const start = audio.currentTime + index * 0.18;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(volume, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.4);
    });
  }

  vibrate(pattern: number[] = VIBRATION): void {
    try {
      this.window?.navigator.vibrate?.(pattern);
    } catch {
      // Not allowed without a recent tap in some browsers: the notification vibrates instead.
    }
  }

  notificationPermission(): NotificationPermission | 'unsupported' {
    return this.window && 'Notification' in this.window
      ? this.window.Notification.permission
      : 'unsupported';
  }

  async requestNotifications(): Promise<NotificationPermission | 'unsupported'> {
    if (!this.window || !('Notification' in this.window)) return 'unsupported';
    return this.window.Notification.requestPermission();
  }

  /** Shows a system notification if the person allowed them; a tap focuses the board. */
  async notify(title: string, body: string, tag: string, lang: string): Promise<void> {
    if (this.notificationPermission() !== 'granted') return;
    const branded = this.brandName ? `${this.brandName}: ${title}` : title;
    const options: ReadyNotificationOptions = {
      body,
      tag,
      lang,
      renotify: true,
      requireInteraction: true,
      icon: this.icon,
      badge: 'icons/badge-96.png',
      vibrate: VIBRATION,
      // Read by the Angular service worker's notificationclick handler.
      data: { onActionClick: { default: { operation: 'focusLastFocusedOrOpen', url: './' } } },
    };
    try {
      const registration = await this.activeRegistration();
      if (registration) {
        await registration.showNotification(branded, options);
        return;
      }
      // No service worker here (unsupported, or it never started): the page's own notification,
      // where the browser allows one (desktop browsers do).
      const PageNotification = this.window?.Notification;
      if (PageNotification) new PageNotification(branded, options);
    } catch (error) {
      console.warn('Could not show the notification', error);
    }
  }

  /**
   * The board's service worker registration once it has an active worker (showNotification needs
   * one). Right after a first visit the worker may not be registered or active yet (it registers
   * when the app is stable, within 5 s): wait for it rather than use `new Notification()`, which
   * Chrome on Android refuses. Undefined where there is no service worker or it is not ready in
   * time.
   */
  private async activeRegistration(): Promise<ServiceWorkerRegistration | undefined> {
    const container = this.window?.navigator.serviceWorker;
    if (!container) return undefined;
    const registration = await container.getRegistration();
    if (registration?.active) return registration;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), SERVICE_WORKER_WAIT_MS);
    });
    try {
      return await Promise.race([container.ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
