import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  viewChild,
} from '@angular/core';
import { I18n } from '../../i18n/i18n';
import { formatCountdown, remainingSeconds } from '../clock';
import type { DeskOrder } from '../desk-state';

/** Below this many seconds left, the countdown turns to the warning colour. */
const ALMOST_GONE_SECONDS = 60;

/**
 * The orders on the board, newest first, each a big tap target: tap removes it (undo follows in
 * the snackbar). Shows time left (in server time) and where the order stands with Aurora; with
 * Aurora sync off it says so once above the list. After a removal the focus moves to the next
 * order (or the heading), never to the page itself.
 */
@Component({
  selector: 'app-order-list',
  templateUrl: './order-list.html',
  styleUrl: './order-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderList {
  readonly orders = input.required<DeskOrder[]>();
  /** The server's clock, ms. */
  readonly serverNow = input.required<number>();
  /** Numbers that just arrived or were renewed, with a counter that restarts the highlight. */
  readonly fresh = input<ReadonlyMap<number, number>>(new Map());
  readonly loaded = input(true);
  /** No connection: tapping does nothing (the desk's banner says why). */
  readonly offline = input(false);
  readonly remove = output<number>();

  protected readonly t = inject(I18n).t;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly auroraOff = computed(() =>
    this.orders().some((order) => order.aurora === 'off'),
  );

  protected readonly rows = computed(() => {
    const now = this.serverNow();
    const fresh = this.fresh();
    return this.orders().map((order) => {
      const left = remainingSeconds(order.expiresAt, now, 0);
      return {
        order,
        left: formatCountdown(left),
        almostGone: left <= ALMOST_GONE_SECONDS,
        pulse: fresh.get(order.number) ?? 0,
      };
    });
  });

  /** Puts the focus on the list's heading (when what had it went away). */
  focusHeading(): void {
    this.heading().nativeElement.focus();
  }

  protected onRemove(index: number, number: number): void {
    if (this.offline()) return;
    const rows = this.rows();
    const next = (rows[index + 1] ?? rows[index - 1])?.order.number ?? null;
    this.remove.emit(number);
    afterNextRender(() => this.refocus(next), { injector: this.injector });
  }

  /** The removed tile took the focus with it: give it to the next order, else the heading. */
  private refocus(next: number | null): void {
    const active = this.document.activeElement;
    if (active && active !== this.document.body && active.isConnected) return;
    const tile = next === null ? null : this.tile(next);
    if (tile) tile.focus();
    else this.focusHeading();
  }

  private tile(number: number): HTMLElement | null {
    return this.host.nativeElement.querySelector<HTMLElement>(`[data-order="${number}"]`);
  }
}
