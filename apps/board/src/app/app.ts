import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { FollowOrder } from './follow-order/follow-order';

/** The customers' board: the orders that are ready, and a field to follow one's own order. */
@Component({
  selector: 'app-root',
  imports: [FollowOrder],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  /** The order number the customer chose to follow, once valid. */
  protected readonly followed = signal<number | null>(null);
}
