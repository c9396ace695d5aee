import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { I18n } from '../../i18n/i18n';

/**
 * The header's logout: a tap opens a small modal dialog, and only its "Yes, log out" logs out,
 * so a thumb that misses the language switch does not end the session.
 */
@Component({
  selector: 'app-logout-button',
  template: `
    <button
      type="button"
      class="logout"
      aria-haspopup="dialog"
      [attr.aria-busy]="busy() ? 'true' : null"
      [attr.aria-label]="t().logout"
      [title]="t().logout"
      (click)="dialog.showModal()"
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4M10 16l-4-4 4-4M6 12h10"
          fill="none"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <span class="logout-text">{{ t().logout }}</span>
    </button>
    <dialog #dialog class="confirm" aria-labelledby="logout-title" aria-describedby="logout-text">
      <h2 id="logout-title">{{ t().logoutConfirmTitle }}</h2>
      <p id="logout-text">{{ t().logoutConfirmText }}</p>
      <div class="actions">
        <button type="button" class="cancel" (click)="dialog.close()">{{ t().cancel }}</button>
        <button type="button" class="go" (click)="confirm()">{{ t().logoutConfirm }}</button>
      </div>
    </dialog>
  `,
  styles: `
    :host {
      display: contents;
    }
    .logout {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.375rem;
      min-width: 2.75rem;
      min-height: 2.75rem;
      padding: 0 0.5rem;
      font-weight: 600;
      background: transparent;
      border: 1px solid var(--border);
      border-radius: 0.625rem;
      cursor: pointer;
    }
    .logout-text {
      display: none;
    }
    @container desk (min-width: 37.5rem) {
      .logout {
        padding: 0 0.875rem;
      }
      .logout-text {
        display: inline;
      }
    }
    .confirm {
      max-width: min(26rem, calc(100vw - 2rem));
      padding: 1.25rem;
      color: var(--fg);
      background: var(--surface);
      border: 2px solid var(--border-strong);
      border-radius: 1rem;
    }
    .confirm::backdrop {
      background: rgb(0 0 0 / 0.55);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }
    p {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .actions button {
      min-height: 2.75rem;
      padding: 0 1rem;
      font-weight: 700;
      border-radius: 0.625rem;
      cursor: pointer;
    }
    .cancel {
      background: transparent;
      border: 2px solid var(--border-strong);
    }
    .go {
      color: var(--on-accent);
      background: var(--accent);
      border: 2px solid var(--accent);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogoutButton {
  /** A logout is on its way. */
  readonly busy = input(false);
  /** Confirmed in the dialog. */
  readonly logout = output<void>();

  protected readonly t = inject(I18n).t;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected confirm(): void {
    this.dialog().nativeElement.close();
    this.logout.emit();
  }
}
