import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RECALL_WINDOW_SECONDS, type RemovedOrderDto } from '@hubble/contracts';
import { I18n } from '../../i18n/i18n';

/** How many removed orders the desk lists. */
const SHOWN = 8;

/** Orders removed (by staff or timeout) within the recall window, each with "Put back". */
@Component({
  selector: 'app-recently-removed',
  template: `
    <section class="panel" aria-labelledby="removed-title">
      <h2 id="removed-title">{{ t().removedTitle }}</h2>
      @if (rows().length > 0) {
        <ul role="list">
          @for (row of rows(); track row.number) {
            <li>
              <span class="number">{{ row.number }}</span>
              <span class="when">
                {{ row.reason }}
                <span class="ago">{{ row.ago }}</span>
              </span>
              <button
                type="button"
                [attr.data-recall]="row.number"
                [attr.aria-busy]="busy().has(row.number) ? 'true' : null"
                (click)="recall.emit(row.number)"
              >
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                  <path
                    d="M4 9h11a5 5 0 0 1 0 10H9M4 9l4-4M4 9l4 4"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2.2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  />
                </svg>
                {{ t().recall
                }}<span class="visually-hidden"> {{ t().recallOrder(row.number) }}</span>
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="empty">{{ t().removedEmpty(windowMinutes) }}</p>
      }
    </section>
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    ul {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      padding: 0.375rem 0;
      border-top: 1px solid var(--border);
    }
    li:first-child {
      border-top: 0;
    }
    .number {
      min-width: 3.75rem;
      font-size: 1.375rem;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
    .when {
      flex: 1 1 auto;
      min-width: 0;
      color: var(--muted);
      font-size: 0.9375rem;
    }
    .ago::before {
      content: '· ';
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      flex: 0 1 auto;
      min-width: 0;
      min-height: 3rem;
      padding: 0 0.875rem;
      margin-inline-start: auto;
      font-weight: 700;
      color: var(--accent-text);
      background: transparent;
      border: 1px solid var(--border-strong);
      border-radius: 0.625rem;
      cursor: pointer;
      touch-action: manipulation;
    }
    button[aria-busy='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    .empty {
      margin: 0;
      color: var(--muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecentlyRemoved {
  readonly orders = input.required<RemovedOrderDto[]>();
  /** The server's clock, ms. */
  readonly serverNow = input.required<number>();
  readonly busy = input<ReadonlySet<number>>(new Set());
  readonly recall = output<number>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly windowMinutes = RECALL_WINDOW_SECONDS / 60;

  protected readonly rows = computed(() => {
    const t = this.t();
    const relative = this.i18n.relativeFormat();
    const now = this.serverNow();
    return this.orders()
      .slice(0, SHOWN)
      .map((order) => ({
        number: order.number,
        reason: order.removedReason === 'expired' ? t.removedExpired : t.removedByStaff,
        ago: ago(relative, Date.parse(order.removedAt), now),
      }));
  });
}

function ago(format: Intl.RelativeTimeFormat, at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return format.format(-seconds, 'second');
  return format.format(-Math.floor(seconds / 60), 'minute');
}
