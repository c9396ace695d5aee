import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { OrderDto } from '@hubble/contracts';
import { I18n } from '../i18n/i18n';

interface Tile {
  number: number;
  mine: boolean;
  /** Called within the last minute. */
  fresh: boolean;
  /** Odd and even pulses use two identical keyframes, so a new pulse restarts the animation. */
  pop: 'a' | 'b' | null;
  digits: number;
}

/** The ready orders as tiles on the phone board, in the order given (the followed one first). */
@Component({
  selector: 'app-order-grid',
  templateUrl: './order-grid.html',
  styleUrl: './order-grid.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderGrid {
  readonly orders = input.required<OrderDto[]>();
  readonly followed = input<number | null>(null);
  /** How many times each order arrived or was refreshed lately: those tiles animate. */
  readonly pulses = input<ReadonlyMap<number, number>>(new Map());
  /** Orders called lately: marked "new" (the pulse only lasts a few seconds). */
  readonly fresh = input<ReadonlySet<number>>(new Set());
  /** The list may be out of date (no live feed). */
  readonly stale = input(false);
  /** A tile's arrival animation ended. */
  readonly settled = output<number>();

  protected readonly t = inject(I18n).t;
  protected readonly tiles = computed<Tile[]>(() => {
    const followed = this.followed();
    const pulses = this.pulses();
    const fresh = this.fresh();
    return this.orders().map(({ number }) => {
      const pulse = pulses.get(number) ?? 0;
      return {
        number,
        mine: number === followed,
        fresh: fresh.has(number),
        pop: pulse === 0 ? null : pulse % 2 === 1 ? 'a' : 'b',
        digits: String(number).length,
      };
    });
  });

  /** The fading ring is the longest part of the arrival animation: when it ends, all did. */
  protected onAnimationEnd(event: AnimationEvent, number: number): void {
    // Emulated encapsulation prefixes keyframe names, so match the end.
    if (/ring-[ab]$/.test(event.animationName)) this.settled.emit(number);
  }
}
