import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  inject,
  signal,
} from '@angular/core';
import { SwUpdate } from '@angular/service-worker';
import type { BrandingDto } from '@hubble/contracts';
import { LanguageSwitch, PageBranding } from '@hubble/ui';
import { BoardFeed } from './feed/board-feed';
import type { BoardChange } from './feed/feed-state';
import { RecentCalls } from './feed/recent-calls';
import { Alerts } from './follow/alerts';
import { Following } from './follow/following';
import { FollowOrder } from './follow-order/follow-order';
import { I18n } from './i18n/i18n';
import { Clock } from './kiosk/clock';
import { Kiosk } from './kiosk/kiosk';
import { OrderGrid } from './order-grid/order-grid';
import { EvacuationAlert } from './screen-state/evacuation-alert';
import { ScreenStateBanner } from './screen-state/screen-state-banner';

/** Chrome's install prompt event (not in lib.dom). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
}

/**
 * The customers' board: the orders that are ready, live. On a phone with "follow my order"; with
 * `?mode=kiosk` the poster screen for a TV ({@link Kiosk}, loaded only there).
 */
@Component({
  selector: 'app-root',
  imports: [
    Clock,
    EvacuationAlert,
    FollowOrder,
    Kiosk,
    LanguageSwitch,
    OrderGrid,
    ScreenStateBanner,
  ],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.is-kiosk]': 'kiosk', '[class.is-evacuating]': 'evacuating()' },
})
export class App {
  private readonly document = inject(DOCUMENT);
  private readonly alerts = inject(Alerts);
  protected readonly feed = inject(BoardFeed);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly params = new URLSearchParams(this.document.location?.search ?? '');
  protected readonly kiosk = this.params.get('mode') === 'kiosk';
  /** Following is for the customer's own phone, never for a shared screen. */
  protected readonly following = this.kiosk ? null : inject(Following);
  /** Orders called within the last minute, marked "new". */
  protected readonly fresh = inject(RecentCalls).fresh;

  /** Orders that arrived or were called again lately, with a count that restarts the animation. */
  protected readonly pulses = signal<ReadonlyMap<number, number>>(new Map());
  /** Read out by screen readers (polite live region). */
  protected readonly announcement = signal('');
  protected readonly installPrompt = signal<InstallPromptEvent | null>(null);

  /** The café's state; "open" until the server says otherwise. */
  protected readonly screenState = computed(() => this.feed.screenState()?.state ?? 'open');
  protected readonly evacuating = computed(() => this.screenState() === 'evacuation');
  /** The café's name and logo (run-time branding); the built-in look until known. */
  protected readonly brand = signal<BrandingDto | null>(null);
  private readonly branding = new PageBranding(
    this.document,
    (name) => this.t().title(name),
    (branding) => {
      this.brand.set(branding);
      if (branding) this.alerts.useBranding(branding);
    },
  );

  protected readonly followed = computed(() => this.following?.number() ?? null);
  /** By number, the quickest to scan for one's own; the followed order pinned on top. */
  protected readonly shown = computed(() => {
    const orders = [...this.feed.orders()].sort((a, b) => a.number - b.number);
    const followed = this.followed();
    const mine = orders.find((order) => order.number === followed);
    return mine ? [mine, ...orders.filter((order) => order !== mine)] : orders;
  });
  protected readonly statusText = computed(() => {
    const t = this.t();
    const status = this.feed.status();
    return status === 'live' ? t.live : status === 'connecting' ? t.connecting : t.reconnecting;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(this.feed.onChanges((changes) => this.onChanges(changes)));
    this.feed.start();
    void this.branding.load();
    effect(() => {
      this.i18n.lang();
      this.branding.refreshTitle();
    });
    this.watchForUpdates();
    const window = this.document.defaultView;
    const onInstallable = (event: Event) => {
      event.preventDefault();
      this.installPrompt.set(event as InstallPromptEvent);
    };
    window?.addEventListener('beforeinstallprompt', onInstallable);
    destroyRef.onDestroy(() => window?.removeEventListener('beforeinstallprompt', onInstallable));
  }

  protected settled(number: number): void {
    this.pulses.update((pulses) => {
      const next = new Map(pulses);
      next.delete(number);
      return next;
    });
  }

  protected async install(): Promise<void> {
    const prompt = this.installPrompt();
    this.installPrompt.set(null);
    await prompt?.prompt();
  }

  private onChanges(changes: BoardChange[]): void {
    const shown = changes.filter((c) => c.kind !== 'left').map((c) => c.number);
    if (shown.length === 0) return;
    this.pulses.update((pulses) => {
      const next = new Map(pulses);
      for (const number of shown) next.set(number, (next.get(number) ?? 0) + 1);
      return next;
    });
    const t = this.t();
    const followed = this.followed();
    const text =
      followed !== null && shown.includes(followed)
        ? t.announceMine(followed)
        : t.announceReady(shown);
    // The same text twice in a row would not be read again: vary it invisibly.
    this.announcement.update((previous) => (previous === text ? `${text}\u00a0` : text));
  }

  /**
   * A kiosk runs for weeks: it reloads as soon as a new version is cached. Phones take it on
   * their next visit (the service worker's default). A broken cache reloads in both.
   */
  private watchForUpdates(): void {
    const updates = inject(SwUpdate, { optional: true });
    if (!updates?.isEnabled) return;
    const reload = () => this.document.location.reload();
    updates.versionUpdates.subscribe((event) => {
      if (this.kiosk && event.type === 'VERSION_READY') reload();
    });
    updates.unrecoverable.subscribe(reload);
  }
}
