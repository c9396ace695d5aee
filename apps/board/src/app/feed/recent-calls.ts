import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { OrderDto } from '@hubble/contracts';
import { BoardFeed } from './board-feed';

/** How long a called (or called again) order counts as new. */
export const NEW_FOR_MS = 60_000;
/** How often "now" moves on: marks go out at most this late. */
const TICK_MS = 5_000;

/**
 * When each ready order was last called, on this device's clock: seen live (arrived or called
 * again while the board was open), or else worked out from the order itself. The server does not
 * send the call time, but `expiresAt` is the last call plus the order timeout, which is the same
 * for every order: the smallest `expiresAt - createdAt` seen is that timeout (an order not called
 * again has exactly it).
 */
@Injectable({ providedIn: 'root' })
export class RecentCalls {
  private readonly feed = inject(BoardFeed);
  private readonly seen = signal<ReadonlyMap<number, number>>(new Map());
  private timeoutMs = Number.POSITIVE_INFINITY;
  /** This device's clock, moved on every few seconds. */
  readonly now = signal(Date.now());

  /** Number → last call (epoch ms), for the orders on the board. */
  readonly calledAt = computed<ReadonlyMap<number, number>>(() => {
    const seen = this.seen();
    const now = this.now();
    const orders = this.feed.orders();
    for (const order of orders) {
      this.timeoutMs = Math.min(
        this.timeoutMs,
        Date.parse(order.expiresAt) - Date.parse(order.createdAt),
      );
    }
    return new Map(orders.map((order) => [order.number, this.lastCall(order, seen, now)]));
  });

  /** The orders called within {@link NEW_FOR_MS}. */
  readonly fresh = computed<ReadonlySet<number>>(() => this.within(NEW_FOR_MS));

  constructor() {
    const window = inject(DOCUMENT).defaultView;
    const timer = window?.setInterval(() => this.now.set(Date.now()), TICK_MS);
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => window?.clearInterval(timer));
    destroyRef.onDestroy(
      this.feed.onChanges((changes) => {
        const at = Date.now();
        this.now.set(at);
        this.seen.update((seen) => {
          const next = new Map(seen);
          for (const change of changes) {
            if (change.kind === 'left') next.delete(change.number);
            else next.set(change.number, at);
          }
          return next;
        });
      }),
    );
  }

  /** The orders called within the last `ms`, on this device's clock. */
  within(ms: number): ReadonlySet<number> {
    const since = this.now() - ms;
    const fresh = new Set<number>();
    for (const [number, at] of this.calledAt()) if (at > since) fresh.add(number);
    return fresh;
  }

  private lastCall(order: OrderDto, seen: ReadonlyMap<number, number>, now: number): number {
    const estimated = Number.isFinite(this.timeoutMs)
      ? // A server clock ahead of ours must not make a call look like it is still to come.
        Math.min(now, Date.parse(order.expiresAt) - this.timeoutMs)
      : Number.NEGATIVE_INFINITY;
    return Math.max(seen.get(order.number) ?? Number.NEGATIVE_INFINITY, estimated);
  }
}
