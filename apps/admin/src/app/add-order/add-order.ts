import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { orderNumberField } from '@hubble/ui';

/**
 * "Add order": a staff member types the number of an order that is ready. The field state comes
 * from `@hubble/ui` (the shared rule from `@hubble/contracts`), so the back-office and the API
 * reject exactly the same input. Sending the number to the API is a later step; for now a valid
 * number is only emitted.
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

  protected readonly field = orderNumberField();

  protected onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const number = this.field.submit();
    if (number !== null) this.add.emit(number);
  }
}
