import { ChangeDetectionStrategy, Component, computed, output, signal } from '@angular/core';
import { parseOrderNumberText } from '@hubble/contracts';

/**
 * "Follow my order": the customer types the number on their receipt. The text is checked with the
 * shared rule from `@hubble/contracts`, so the board and the API reject exactly the same input.
 */
@Component({
  selector: 'app-follow-order',
  templateUrl: './follow-order.html',
  styleUrl: './follow-order.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowOrder {
  /** Emits the parsed order number when a valid one is submitted. */
  readonly follow = output<number>();

  /** The raw text in the field. */
  protected readonly text = signal('');
  /** Set once the customer has typed, left the field or submitted: errors show from then on. */
  private readonly interacted = signal(false);
  private readonly check = computed(() => parseOrderNumberText(this.text()));

  /** The shared validation message to show under the field, or null. */
  protected readonly error = computed(() => {
    const check = this.check();
    return this.interacted() && !check.ok ? check.error : null;
  });

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
    this.interacted.set(true);
  }

  protected onBlur(): void {
    this.interacted.set(true);
  }

  protected onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.interacted.set(true);
    const check = this.check();
    if (check.ok) this.follow.emit(check.value);
  }
}
