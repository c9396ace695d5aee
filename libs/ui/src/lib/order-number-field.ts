import { computed, type Signal, signal } from '@angular/core';
import { type OrderNumberCheck, parseOrderNumberText } from '@hubble/contracts';

/** Why the text in an order-number field is not an order number. */
export type OrderNumberProblem = 'empty' | 'invalid';

/**
 * The state of a text field where a person types an order number (the board's "follow my order",
 * the back-office's "add order"). The text is checked with the shared rule from
 * `@hubble/contracts`, so every app and the API accept exactly the same input. Errors show only
 * once the person has typed, left the field or submitted.
 */
export interface OrderNumberField {
  /** The raw text in the field. */
  readonly text: Signal<string>;
  /** The shared check of {@link text}. */
  readonly check: Signal<OrderNumberCheck>;
  /** Set once the person typed, left the field or submitted. */
  readonly touched: Signal<boolean>;
  /** What is wrong, once touched; null while the text is a valid order number. */
  readonly problem: Signal<OrderNumberProblem | null>;
  /** The shared validation message, once touched and invalid; apps may word it their own way. */
  readonly error: Signal<string | null>;
  /** Handler for the input's `input` event. */
  onInput(event: Event): void;
  /** Handler for the input's `blur` event. */
  onBlur(): void;
  /** Sets the text from code (e.g. an on-screen keypad) and marks the field touched. */
  setText(text: string): void;
  /** Marks the field touched and returns the order number, or null when the text is not one. */
  submit(): number | null;
  /** Empties the field and forgets that it was touched. */
  reset(): void;
}

export function orderNumberField(initialText = ''): OrderNumberField {
  const text = signal(initialText);
  const touched = signal(false);
  const check = computed(() => parseOrderNumberText(text()));
  const problem = computed<OrderNumberProblem | null>(() => {
    if (!touched() || check().ok) return null;
    return text() === '' ? 'empty' : 'invalid';
  });
  const error = computed(() => {
    const result = check();
    return touched() && !result.ok ? result.error : null;
  });
  return {
    text: text.asReadonly(),
    check,
    touched: touched.asReadonly(),
    problem,
    error,
    onInput(event: Event) {
      text.set((event.target as HTMLInputElement).value);
      touched.set(true);
    },
    onBlur() {
      touched.set(true);
    },
    setText(value: string) {
      text.set(value);
      touched.set(true);
    },
    submit() {
      touched.set(true);
      const result = check();
      return result.ok ? result.value : null;
    },
    reset() {
      text.set('');
      touched.set(false);
    },
  };
}
