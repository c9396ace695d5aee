import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
  afterNextRender,
} from '@angular/core';
import { ADMIN_ROUTES } from '@hubble/contracts';
import { LanguageSwitch } from '@hubble/ui';
import { I18n } from '../i18n/i18n';
import { Session } from '../session/session';

type LoginProblem = 'empty' | 'wrong-token' | 'throttled' | 'unreachable' | 'server';

/**
 * The login screen: the back-office token, or a word about the login link. Also shown when the
 * server cannot be reached at start (with a retry).
 */
@Component({
  selector: 'app-login',
  imports: [LanguageSwitch],
  templateUrl: './login.html',
  styleUrl: './login.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly tokenInput = viewChild<ElementRef<HTMLInputElement>>('tokenField');

  protected readonly oidcLoginPath = ADMIN_ROUTES.oidcLogin;
  protected readonly token = signal('');
  protected readonly reveal = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<LoginProblem | null>(null);
  /** Seconds until a throttled device may try again. */
  protected readonly wait = signal(0);
  private waitTimer: ReturnType<typeof setInterval> | undefined;

  /** What the session state says before anything was typed (link refused, logged out, …). */
  protected readonly notice = computed(() => {
    const state = this.session.state();
    const t = this.t();
    if (state.status === 'unreachable') return t.errUnreachable;
    if (state.status !== 'signed-out') return null;
    switch (state.reason) {
      case 'invalid-link':
        return t.errInvalidLink;
      case 'blocked':
        return t.errThrottled;
      case 'cross-site':
        return t.errCrossSiteLink;
      case 'ended':
        return t.sessionEnded;
      case 'logged-out':
        return t.loggedOut;
      default:
        return null;
    }
  });
  protected readonly noticeIsError = computed(() => {
    const state = this.session.state();
    return (
      state.status === 'unreachable' ||
      (state.status === 'signed-out' &&
        (state.reason === 'invalid-link' ||
          state.reason === 'blocked' ||
          state.reason === 'cross-site'))
    );
  });
  protected readonly error = computed(() => {
    const t = this.t();
    switch (this.problem()) {
      case 'empty':
        return t.errTokenEmpty;
      case 'wrong-token':
        return t.errWrongToken;
      case 'throttled':
        return t.errThrottled;
      case 'unreachable':
        return t.errUnreachable;
      case 'server':
        return t.errServer;
      default:
        return null;
    }
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearInterval(this.waitTimer));
    afterNextRender(() => {
      if (this.session.state().status === 'signed-out') this.tokenInput()?.nativeElement.focus();
    });
  }

  protected onInput(event: Event): void {
    this.token.set((event.target as HTMLInputElement).value);
    if (this.problem() === 'empty' || this.problem() === 'wrong-token') this.problem.set(null);
  }

  protected async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy() || this.wait() > 0) return;
    const token = this.token().trim();
    if (!token) {
      this.problem.set('empty');
      this.tokenInput()?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    const result = await this.session.login(token);
    this.busy.set(false);
    if (result.ok) return;
    this.problem.set(result.problem);
    if (result.problem === 'throttled') this.startWait(result.retryAfterSeconds);
    else this.tokenInput()?.nativeElement.select();
  }

  protected retry(): void {
    void this.session.check();
  }

  private startWait(seconds: number): void {
    clearInterval(this.waitTimer);
    this.wait.set(seconds);
    this.waitTimer = setInterval(() => {
      this.wait.update((left) => left - 1);
      if (this.wait() <= 0) {
        clearInterval(this.waitTimer);
        if (this.problem() === 'throttled') this.problem.set(null);
      }
    }, 1000);
  }
}
