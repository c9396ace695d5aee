import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { StaffSessionDto } from '@hubble/contracts';
import { AdminApi } from '../../api/admin-api';
import { I18n } from '../../i18n/i18n';

/**
 * Who is signed in now (every active session), fetched when opened, with a button to end
 * another one — a lost tablet, or someone who left the team.
 */
@Component({
  selector: 'app-staff-sessions',
  template: `
    <section class="panel" aria-labelledby="sessions-title">
      <div class="head">
        <h2 id="sessions-title">{{ t().sessionsTitle }}</h2>
        <button type="button" class="toggle" [attr.aria-expanded]="open()" (click)="toggle()">
          {{ open() ? t().sessionsHide : t().sessionsShow }}
        </button>
      </div>
      @if (open()) {
        @if (failed()) {
          <p class="error" role="alert">{{ t().errSessions }}</p>
        }
        <ul role="list">
          @for (row of rows(); track row.id) {
            <li>
              <span class="who">{{ row.label }}</span>
              <span class="since">{{ row.since }}</span>
              @if (row.current) {
                <span class="current">{{ t().sessionCurrent }}</span>
              } @else {
                <button
                  type="button"
                  class="end"
                  [disabled]="busy() === row.id"
                  [attr.aria-label]="t().sessionEnd(row.label)"
                  (click)="end(row.id)"
                >
                  ✕
                </button>
              }
            </li>
          } @empty {
            <li class="empty">{{ t().sessionsEmpty }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.125rem;
    }
    ul {
      display: grid;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 0 0.75rem;
      padding: 0.375rem 0;
      border-top: 1px solid var(--border);
    }
    .who {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .since,
    .current,
    .empty {
      color: var(--muted);
      font-size: 0.8125rem;
    }
    .current,
    .end {
      grid-row: 1 / span 2;
      grid-column: 2;
    }
    .toggle,
    .end {
      min-height: 2.75rem;
      min-width: 2.75rem;
      padding: 0 0.75rem;
      color: var(--fg);
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 0.5rem;
      cursor: pointer;
    }
    .error {
      margin: 0.5rem 0 0;
      color: var(--warn-fg);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffSessions {
  private readonly api = inject(AdminApi);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly open = signal(false);
  protected readonly sessions = signal<StaffSessionDto[]>([]);
  protected readonly failed = signal(false);
  /** The session being ended. */
  protected readonly busy = signal<string | null>(null);

  protected readonly rows = computed(() => {
    const t = this.t();
    const time = this.i18n.timeFormat();
    return this.sessions().map((session) => ({
      ...session,
      since: t.sessionSince(time.format(new Date(session.createdAt))),
    }));
  });

  protected toggle(): void {
    this.open.update((open) => !open);
    if (this.open()) void this.load();
  }

  protected async end(id: string): Promise<void> {
    this.busy.set(id);
    try {
      await this.api.endSession(id);
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    }
    this.busy.set(null);
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      this.sessions.set(await this.api.sessions());
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    }
  }
}
