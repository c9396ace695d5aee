import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { SCREEN_STATES, type ScreenState, type ScreenStateDto } from '@hubble/contracts';
import { I18n } from '../../i18n/i18n';

/**
 * Sets the café's state for the screens. Open, last call and closed apply at once; starting an
 * evacuation, and ending one, first ask for confirmation in a modal dialog.
 */
@Component({
  selector: 'app-screen-state-control',
  template: `
    <section class="panel" aria-labelledby="screen-state-title">
      <h2 id="screen-state-title">{{ t().screenStateTitle }}</h2>
      <div class="choices" role="group" aria-labelledby="screen-state-title">
        @for (state of states; track state) {
          <button
            type="button"
            class="choice"
            [attr.data-state]="state"
            [attr.aria-pressed]="current() === state"
            [attr.aria-busy]="busy() === state ? 'true' : null"
            [disabled]="busy() !== null"
            (click)="choose(state)"
          >
            <span class="label">{{ t().screenState[state] }}</span>
            <span class="help">{{ t().screenStateHelp[state] }}</span>
          </button>
        }
      </div>
      @if (since(); as since) {
        <p class="since">{{ since }}</p>
      }
      @if (failed()) {
        <p class="error" role="alert">{{ t().errScreenState }}</p>
      }
    </section>

    <dialog #dialog class="confirm" aria-labelledby="confirm-title" (close)="pending.set(null)">
      @if (pending(); as next) {
        @if (next === 'evacuation') {
          <h2 id="confirm-title">{{ t().confirmStartTitle }}</h2>
          <p>{{ t().confirmStartText }}</p>
        } @else {
          <h2 id="confirm-title">{{ t().confirmEndTitle }}</h2>
          <p>{{ t().confirmEndText(t().screenState[next]) }}</p>
        }
        <div class="actions">
          <button type="button" class="cancel" (click)="dialog.close()">{{ t().cancel }}</button>
          <button
            type="button"
            class="go"
            [attr.data-confirm]="next === 'evacuation' ? 'start' : 'end'"
            (click)="confirm()"
          >
            {{ next === 'evacuation' ? t().confirmStart : t().confirmEnd }}
          </button>
        </div>
      }
    </dialog>
  `,
  styleUrl: './screen-state-control.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScreenStateControl {
  readonly screenState = input.required<ScreenStateDto | null>();
  /** The state being sent right now, if any. */
  readonly busy = input<ScreenState | null>(null);
  readonly failed = input(false);
  readonly set = output<ScreenState>();

  protected readonly t = inject(I18n).t;
  private readonly lang = inject(I18n).lang;
  protected readonly states = SCREEN_STATES;
  protected readonly pending = signal<ScreenState | null>(null);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected readonly current = computed(() => this.screenState()?.state ?? null);
  protected readonly since = computed(() => {
    const since = this.screenState()?.since;
    if (!since || Date.parse(since) === 0) return null;
    const time = new Date(since).toLocaleTimeString(this.lang(), {
      hour: '2-digit',
      minute: '2-digit',
    });
    return this.t().screenStateSince(time);
  });

  protected choose(state: ScreenState): void {
    const current = this.current();
    if (state === current) return;
    if (state === 'evacuation' || current === 'evacuation') {
      this.pending.set(state);
      this.dialog().nativeElement.showModal();
      return;
    }
    this.set.emit(state);
  }

  protected confirm(): void {
    const state = this.pending();
    this.dialog().nativeElement.close();
    if (state) this.set.emit(state);
  }
}
