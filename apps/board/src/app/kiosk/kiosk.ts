import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { OrderDto } from '@hubble/contracts';
import { BoardFeed } from '../feed/board-feed';
import { RecentCalls } from '../feed/recent-calls';
import { Alerts } from '../follow/alerts';
import { I18n } from '../i18n/i18n';
import { fitKiosk, type KioskFit, pageDuration, wholePixels } from './kiosk-layout';
import { nextFrom, pageFrom } from './page-sweep';
import { QrCode } from './qr-code';

/** How long a call stays in "Now serving". */
const SERVING_MS = 30_000;
/** At most this many numbers in "Now serving", the latest first. */
const SERVING_MAX = 3;
/** Readable from across the room: the smallest number, as a share of the screen's short side. */
const MIN_NUMBER_OF_VMIN = 0.09;
const MAX_NUMBER_OF_VMIN = 0.3;
const GAP_OF_VMIN = 0.018;

/**
 * The poster screen (`?mode=kiosk`): every ready order in tiles as big as they fit, paged when
 * they do not (each page ~10 s, every order on screen within 30 s), the latest calls big in
 * "Now serving", and a QR code to the board on the customers' phones (PUBLIC_URL). Nobody touches
 * it: the only control is a prompt to allow the chime, where `&chime=on` asks for it and the
 * browser blocks sound until a tap.
 */
@Component({
  selector: 'app-kiosk',
  imports: [QrCode],
  templateUrl: './kiosk.html',
  styleUrl: './kiosk.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-chime]': 'chime()' },
})
export class Kiosk {
  private readonly document = inject(DOCUMENT);
  private readonly window = this.document.defaultView;
  private readonly alerts = inject(Alerts);
  private readonly feed = inject(BoardFeed);
  private readonly calls = inject(RecentCalls);
  protected readonly t = inject(I18n).t;

  readonly orders = input.required<OrderDto[]>();
  readonly pulses = input<ReadonlyMap<number, number>>(new Map());
  readonly stale = input(false);
  /** Where customers open the board (PUBLIC_URL), or null: then this server's own address. */
  readonly publicUrl = input<string | null>(null);
  readonly settled = output<number>();

  private readonly params = new URLSearchParams(this.document.location?.search ?? '');
  /** For tests: a shorter page time (ms) than the screen's own. */
  private readonly pageMsOverride = Number(this.params.get('pageMs')) || null;

  private readonly stage = viewChild.required<ElementRef<HTMLElement>>('stage');
  private readonly area = signal({ width: 0, height: 0, vmin: 0, rem: 16 });

  protected readonly numbers = computed(() =>
    this.orders()
      .map((order) => order.number)
      .sort((a, b) => a - b),
  );
  protected readonly gap = computed(() => {
    const { vmin, rem } = this.area();
    return Math.round(Math.max(0.5 * rem, vmin * GAP_OF_VMIN));
  });
  protected readonly fit = computed<KioskFit>(() => {
    const { width, height, vmin, rem } = this.area();
    const numbers = this.numbers();
    const digits = Math.max(2, ...numbers.map((number) => String(number).length));
    const fit = fitKiosk(width, height, numbers.length, {
      gap: this.gap(),
      minNumber: Math.max(2 * rem, vmin * MIN_NUMBER_OF_VMIN),
      maxNumber: Math.max(3 * rem, vmin * MAX_NUMBER_OF_VMIN),
      digits,
    });
    return wholePixels(fit);
  });
  /** The page shows the numbers from this one on. */
  private readonly from = signal(0);
  protected readonly page = computed(() =>
    pageFrom(this.numbers(), this.from(), this.fit().perPage),
  );
  protected readonly pageCount = computed(() => this.page().pages);
  /** The production page time, whatever a test asked for: a whole round is at most 30 s. */
  protected readonly pageMs = computed(() => pageDuration(this.pageCount()));
  protected readonly fresh = this.calls.fresh;
  protected readonly serving = computed(() => {
    this.calls.now();
    const recent = this.calls.within(SERVING_MS);
    const calledAt = this.calls.calledAt();
    return [...recent]
      .sort((a, b) => (calledAt.get(b) ?? 0) - (calledAt.get(a) ?? 0) || b - a)
      .slice(0, SERVING_MAX);
  });

  protected readonly qrText = computed(
    () => this.publicUrl() ?? `${this.document.location?.origin ?? ''}/`,
  );
  /** The address without scheme and trailing slash, to type in by hand. */
  protected readonly shortAddress = computed(() =>
    this.qrText()
      .replace(/^https?:\/\//, '')
      .replace(/\/$/, ''),
  );

  /**
   * The chime (`&chime=on`): `off` unless asked for; `checking` whether the browser lets the page
   * make sound; `blocked` until a tap (the prompt shows); `on`.
   */
  protected readonly chime = signal<'off' | 'checking' | 'blocked' | 'on'>(
    this.params.get('chime') === 'on' ? 'checking' : 'off',
  );

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => this.watchArea(destroyRef));
    this.runPages(destroyRef);
    if (this.chime() === 'checking') this.setUpChime(destroyRef);
  }

  protected tilePop(number: number): 'a' | 'b' | null {
    const pulse = this.pulses().get(number) ?? 0;
    return pulse === 0 ? null : pulse % 2 === 1 ? 'a' : 'b';
  }

  protected onAnimationEnd(event: AnimationEvent, number: number): void {
    if (/pop-[ab]$/.test(event.animationName)) this.settled.emit(number);
  }

  protected async enableChime(): Promise<void> {
    this.alerts.unlockSound();
    if (await this.alerts.soundAllowedWithin(2_000)) {
      if (this.chime() === 'blocked') this.alerts.beep('chime');
      this.chime.set('on');
    }
  }

  private watchArea(destroyRef: DestroyRef): void {
    const stage = this.stage().nativeElement;
    const measure = () => {
      const window = this.window;
      const rem = window
        ? parseFloat(window.getComputedStyle(this.document.documentElement).fontSize)
        : 16;
      const vmin = window ? Math.min(window.innerWidth, window.innerHeight) : 0;
      this.area.set({ width: stage.clientWidth, height: stage.clientHeight, vmin, rem: rem || 16 });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(stage);
    destroyRef.onDestroy(() => observer.disconnect());
  }

  /**
   * Turns the page every page time while there is more than one. The timer restarts only when the
   * page turned or the number of pages changed, not on every arrival: a busy counter still pages.
   */
  private runPages(destroyRef: DestroyRef): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect(() => {
      this.from();
      const pages = this.pageCount();
      const ms = this.pageMsOverride ?? this.pageMs();
      clearTimeout(timer);
      if (pages === 1) return;
      timer = setTimeout(() => this.from.set(nextFrom(untracked(this.page))), ms);
    });
    destroyRef.onDestroy(() => clearTimeout(timer));
  }

  private setUpChime(destroyRef: DestroyRef): void {
    // Plays at once where the kiosk browser allows autoplay; else after the first tap anywhere.
    this.alerts.unlockSound();
    void this.alerts.soundAllowedWithin(1_500).then((allowed) => {
      if (this.chime() === 'checking') this.chime.set(allowed ? 'on' : 'blocked');
    });
    const onTap = () => void this.enableChime();
    this.document.addEventListener('pointerdown', onTap, { once: true });
    destroyRef.onDestroy(() => {
      this.document.removeEventListener('pointerdown', onTap);
    });
    destroyRef.onDestroy(
      this.feed.onChanges((changes) => {
        if (changes.some((change) => change.kind !== 'left')) this.alerts.beep('chime');
      }),
    );
  }
}
