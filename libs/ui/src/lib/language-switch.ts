import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

export interface LanguageOption<L extends string = string> {
  lang: L;
  /** The language's own name ("Nederlands", "English"), read after the visible code. */
  name: string;
}

/**
 * NL | EN: a group of toggle buttons. The visible code starts each button's accessible name and
 * the language's own name follows it (WCAG 2.5.3, label in name).
 */
@Component({
  selector: 'hubble-language-switch',
  template: `
    <div class="switch" role="group" [attr.aria-label]="label()">
      @for (option of buttons(); track option.lang) {
        <button
          type="button"
          [attr.lang]="option.lang"
          [attr.aria-pressed]="lang() === option.lang"
          (click)="choose.emit(option.lang)"
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
export class LanguageSwitch<L extends string> {
  readonly options = input.required<readonly LanguageOption<L>[]>();
  /** The language in use. */
  readonly lang = input.required<L>();
  /** The group's name, in the language in use ("Language", "Taal"). */
  readonly label = input.required<string>();
  readonly choose = output<L>();

  protected readonly buttons = computed(() =>
    this.options().map((option) => ({ ...option, code: option.lang.toUpperCase() })),
  );
}
