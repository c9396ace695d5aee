import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { I18n } from '../../i18n/i18n';
import { formatCountdown, remainingSeconds } from '../clock';
import type { DeskOrder } from '../desk-state';

/** Below this many seconds left, the countdown turns to the warning colour. */
const ALMOST_GONE_SECONDS = 60;

/**
 * The orders on the board, newest first, each a big tap target: tap removes it (undo follows in
 * the snackbar). Shows time left (in server time) and where the order stands with Aurora.
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
  readonly remove = output<number>();

  protected readonly t = inject(I18n).t;

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
}
