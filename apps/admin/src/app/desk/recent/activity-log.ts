import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AuditEntryDto } from '@hubble/contracts';
import { I18n } from '../../i18n/i18n';

/** How many audit entries the desk lists. */
const SHOWN = 12;

/** The audit trail: who (which device's session label) did what, to which order, when. */
@Component({
  selector: 'app-activity-log',
  template: `
    <section class="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">{{ t().activityTitle }}</h2>
      @if (rows().length > 0) {
        <ol role="list">
          @for (row of rows(); track row.id) {
            <li>
              <time [attr.datetime]="row.at">{{ row.time }}</time>
              <span class="what">{{ row.what }}</span>
              <span class="who" [class.is-me]="row.mine">{{ row.session }}</span>
            </li>
          }
        </ol>
      } @else {
        <p class="empty">{{ t().activityEmpty }}</p>
      }
    </section>
  `,
  styles: `
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    ol {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.9375rem;
    }
    li {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0 0.75rem;
      padding: 0.375rem 0;
      border-top: 1px solid var(--border);
    }
    li:first-child {
      border-top: 0;
    }
    time {
      grid-row: span 2;
      color: var(--muted);
      font-variant-numeric: tabular-nums;
    }
    .what {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .who {
      color: var(--muted);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
    .who.is-me {
      color: var(--accent-text);
    }
    .empty {
      margin: 0;
      color: var(--muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityLog {
  readonly entries = input.required<AuditEntryDto[]>();
  /** This device's session label, to mark its own actions. */
  readonly me = input<string | null>(null);

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly rows = computed(() => {
    const t = this.t();
    const time = this.i18n.timeFormat();
    const me = this.me();
    return this.entries()
      .slice(0, SHOWN)
      .map((entry) => ({
        id: entry.id,
        at: entry.at,
        time: time.format(new Date(entry.at)),
        what: t.action[entry.action]?.(entry.orderNumber) ?? entry.action,
        session: entry.session,
        mine: me !== null && entry.session === me,
      }));
  });
}
