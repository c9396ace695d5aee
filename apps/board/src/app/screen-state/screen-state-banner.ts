import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ScreenState } from '@hubble/contracts';
import { I18n } from '../i18n/i18n';

/**
 * Last call and closed: a banner in the page's flow above the orders, so it hides none of them.
 * Read out politely when it appears (role=status).
 */
@Component({
  selector: 'app-screen-state-banner',
  template: `
    @if (text(); as text) {
      <div class="state-banner" role="status" [attr.data-state]="state()">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          @if (state() === 'closed') {
            <rect x="5" y="10" width="14" height="10" rx="2" />
            <path d="M8 10V7a4 4 0 0 1 8 0v3" />
          } @else {
            <circle cx="12" cy="13" r="8" />
            <path d="M12 9v4l3 2M9 2h6" />
          }
        </svg>
        <p>
          <strong>{{ text.title }}</strong>
          <span>{{ text.body }}</span>
        </p>
      </div>
    }
  `,
  styleUrl: './screen-state-banner.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScreenStateBanner {
  readonly state = input.required<ScreenState>();
  private readonly t = inject(I18n).t;

  protected readonly text = computed(() => {
    const t = this.t();
    switch (this.state()) {
      case 'last-call':
        return { title: t.lastCallTitle, body: t.lastCallText };
      case 'closed':
        return { title: t.closedTitle, body: t.closedText };
      default:
        return null;
    }
  });
}
