import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { orderNumberField } from '@hubble/ui';
import { clockTime, FOLLOW_MESSAGES } from '../follow/follow-messages';
import { Following } from '../follow/following';
import { I18n } from '../i18n/i18n';

/**
 * "Follow my order": the customer types the number on their receipt (checked with the shared rule
 * from `@hubble/contracts` through `@hubble/ui`, worded in their language), then sees whether it
 * is ready and can turn on notifications and sound, or stop following.
 */
@Component({
  selector: 'app-follow-order',
  templateUrl: './follow-order.html',
  styleUrl: './follow-order.css',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowOrder {
  protected readonly following = inject(Following);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  /** The follow card's own texts. */
  protected readonly f = computed(() => FOLLOW_MESSAGES[this.i18n.lang()]);
  /** What happened to the followed order, with the time it happened. */
  protected readonly stateText = computed(() => {
    const record = this.following.record();
    const state = this.following.state();
    if (!record || !state) return '';
    const at = state === 'collected' ? record.outcome?.at : record.calledAt;
    const time = at ? clockTime(at, this.i18n.lang()) : '';
    return this.f().state[state](record.number, time);
  });
  protected readonly soundLabel = computed(() => {
    const texts = this.f();
    const state = this.following.soundState();
    return state === 'on' ? texts.soundOn : state === 'locked' ? texts.soundLocked : texts.soundOff;
  });
  private readonly injector = inject(Injector);

  protected readonly field = orderNumberField();
  /** A friendly message in the customer's language rather than the API's wording. */
  protected readonly error = computed(() => {
    const problem = this.field.problem();
    if (problem === null) return null;
    return problem === 'empty' ? this.t().errorEmpty : this.t().errorInvalid;
  });

  private readonly card = viewChild<ElementRef<HTMLElement>>('card');
  private readonly input = viewChild<ElementRef<HTMLInputElement>>('input');

  protected onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const number = this.field.submit();
    if (number === null) return;
    this.following.follow(number);
    this.field.reset();
    this.focusAfterRender(() => this.card()?.nativeElement);
  }

  protected stop(): void {
    this.following.stop();
    this.focusAfterRender(() => this.input()?.nativeElement);
  }

  /** The focused control is about to disappear: keep keyboard and screen-reader users in place. */
  private focusAfterRender(target: () => HTMLElement | undefined): void {
    afterNextRender({ write: () => target()?.focus() }, { injector: this.injector });
  }
}
