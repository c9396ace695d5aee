import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { I18n } from '../i18n/i18n';

/** The time of day, hours and minutes, for a poster screen. */
@Component({
  selector: 'app-clock',
  template: `<time class="clock" [attr.datetime]="iso()" [attr.aria-label]="t().clockLabel">{{
    text()
  }}</time>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Clock {
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly now = signal(new Date());
  protected readonly text = computed(() =>
    new Intl.DateTimeFormat(this.i18n.lang(), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(this.now()),
  );
  protected readonly iso = computed(() => this.now().toISOString());

  constructor() {
    // Checked often enough that the minute turns over on time.
    const timer = setInterval(() => this.now.set(new Date()), 5_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
