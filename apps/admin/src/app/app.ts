import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { AddOrder } from './add-order/add-order';

/** The staff back-office: put order numbers on the board and take them off. */
@Component({
  selector: 'app-root',
  imports: [AddOrder],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  /** The last valid order number submitted; not sent anywhere yet (no API client so far). */
  protected readonly checked = signal<number | null>(null);
}
