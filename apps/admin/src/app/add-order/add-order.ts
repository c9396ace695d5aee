import { ChangeDetectionStrategy, Component, computed, output, signal } from '@angular/core';
import { parseOrderNumberText } from '@hubble/contracts';

/**
 * "Add order": a staff member types the number of an order that is ready. The text is checked with
 * the shared rule from `@hubble/contracts`, so the back-office and the API reject exactly the same
 * input. Sending the number to the API is a later step; for now a valid number is only emitted.
 */
@Component({
  selector: 'app-add-order',
  templateUrl: './add-order.html',
  styleUrl: './add-order.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddOrder {
  /** Emits the parsed order number when a valid one is submitted. */
  readonly add = output<number>();

  /** The raw text in the field. */
  protected readonly text = signal('');
  /** Set once the staff member has typed, left the field or submitted: errors show from then on. */
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
    if (check.ok) this.add.emit(check.value);
  }
}
