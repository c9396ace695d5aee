import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { orderNumberField } from '@hubble/ui';
import { I18n } from '../../i18n/i18n';
import type { Feedback } from '../feedback';
import {
  entryProblem,
  type EntryProblem,
  keyFromKeyboard,
  type KeypadKey,
  pressKey,
} from './keypad-input';

/**
 * The big numeric keypad: digits, clear, backspace and Add, with the number in a real text field
 * (so it can be typed, pasted and read by a screen reader). Also driven by the keyboard anywhere
 * on the desk: digits, Backspace, Escape/Delete to clear, Enter to add. The field state and its
 * check come from `@hubble/ui` / `@hubble/contracts`, so the desk accepts exactly what the API does.
 */
@Component({
  selector: 'app-keypad',
  templateUrl: './keypad.html',
  styleUrl: './keypad.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class Keypad {
  /** True while an add is on its way: Add does nothing meanwhile. */
  readonly busy = input(false);
  /** No connection to the server: Add says so instead of trying. */
  readonly offline = input(false);
  /** The outcome of the last add, from the desk. */
  readonly feedback = input<Feedback | null>(null);
  /** A valid order number to add. */
  readonly add = output<number>();
  /** The number was edited (the last outcome no longer applies). */
  readonly edited = output<void>();

  protected readonly t = inject(I18n).t;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly numberInput = viewChild.required<ElementRef<HTMLInputElement>>('number');
  protected readonly field = orderNumberField();
  /** A touch screen: the hint talks about tapping, not typing. */
  protected readonly coarse =
    inject(DOCUMENT).defaultView?.matchMedia?.('(pointer: coarse)').matches ?? false;
  protected readonly digits: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  /** A key press the keypad refused (a sixth digit), until the next edit. */
  private readonly refused = signal<EntryProblem | null>(null);
  /** Add was pressed while offline (said until the next edit or the connection is back). */
  private readonly triedOffline = signal(false);

  protected readonly problem = computed<EntryProblem | null>(() => {
    const refused = this.refused();
    if (refused) return refused;
    return this.field.problem() === null ? null : entryProblem(this.field.text());
  });

  protected readonly message = computed(() => {
    const t = this.t();
    switch (this.problem()) {
      case 'empty':
        return { tone: 'error', text: t.errEmpty };
      case 'digits':
        return { tone: 'error', text: t.errDigits };
      case 'too-long':
        return { tone: 'error', text: t.errTooLong };
      case 'range':
        return { tone: 'error', text: t.errRange };
    }
    if (this.offline() && this.triedOffline()) return { tone: 'error', text: t.errNotConnected };
    const feedback = this.feedback();
    return feedback ? { tone: feedback.tone, text: feedback.text(t) } : null;
  });

  /** Empties the number (after it was added). */
  clear(): void {
    this.field.reset();
    this.refused.set(null);
  }

  protected press(key: KeypadKey): void {
    const result = pressKey(this.field.text(), key);
    if ('refused' in result) {
      this.refused.set(result.refused);
      return;
    }
    this.refused.set(null);
    this.triedOffline.set(false);
    // An empty field is not an error until Add is pressed.
    if (result.text === '') this.field.reset();
    else this.field.setText(result.text);
    this.edited.emit();
  }

  protected onInput(event: Event): void {
    this.refused.set(null);
    this.triedOffline.set(false);
    this.field.onInput(event);
    if (this.field.text() === '') this.field.reset();
    this.edited.emit();
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    this.submit();
  }

  protected onDocumentKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    const key = keyFromKeyboard(event);
    if (key === null) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target === this.numberInput().nativeElement) {
      // Typing in the field edits it natively and Enter submits the form; Escape clears.
      if (event.key === 'Escape') {
        event.preventDefault();
        this.press('clear');
      }
      return;
    }
    if (target && isEditable(target)) return;
    if (key === 'enter') {
      // Enter on another control (remove, undo, …) is that control's; elsewhere it adds.
      const onControl = target?.closest('button, a, summary, select, [role="button"]');
      if (onControl && !this.host.nativeElement.contains(onControl)) return;
      event.preventDefault();
      this.submit();
      return;
    }
    event.preventDefault();
    this.press(key);
  }

  /** Puts the focus in the number field (after login). */
  focus(): void {
    this.numberInput().nativeElement.focus();
  }

  private submit(): void {
    this.refused.set(null);
    if (this.busy()) return;
    if (this.offline()) {
      this.triedOffline.set(true);
      return;
    }
    const number = this.field.submit();
    if (number !== null) this.add.emit(number);
  }
}

function isEditable(element: HTMLElement): boolean {
  return (
    element.isContentEditable ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type))
  );
}
