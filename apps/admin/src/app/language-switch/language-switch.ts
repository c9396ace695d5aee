import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';
import { LANGS, MESSAGES } from '../i18n/messages';

/** NL | EN: switches the back-office's language at once and remembers it on the device. */
@Component({
  selector: 'app-language-switch',
  template: `
    <div class="switch" role="group" [attr.aria-label]="i18n.t().langSwitch">
      @for (option of options; track option.lang) {
        <button
          type="button"
          [attr.lang]="option.lang"
          [attr.aria-pressed]="i18n.lang() === option.lang"
          (click)="i18n.use(option.lang)"
        >
          {{ option.code }}<span class="visually-hidden"> {{ option.name }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .switch {
      display: inline-flex;
      padding: 0.1875rem;
      border: 1px solid var(--border);
      border-radius: 999px;
    }
    button {
      min-width: 2.75rem;
      min-height: 2.5rem;
      padding: 0 0.5rem;
      font-size: 0.875rem;
      font-weight: 700;
      letter-spacing: 0.04em;
      background: transparent;
      border: 0;
      border-radius: 999px;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      color: var(--on-accent);
      background: var(--accent);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly i18n = inject(I18n);
  protected readonly options = LANGS.map((lang) => ({
    lang,
    code: lang.toUpperCase(),
    // The visible code starts the name (WCAG 2.5.3); the language's own name explains it.
    name: MESSAGES[lang].langName,
  }));
}
