import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Branding } from './branding';
import { Desk } from './desk/desk';
import { I18n } from './i18n/i18n';
import { Insights } from './insights/insights';
import { Login } from './login/login';
import { Screen } from './navigation/screen';
import { Session } from './session/session';

/**
 * The staff back-office: checks the session at start, then shows the login screen or the order
 * desk. The desk (and Socket.IO with it) is a lazy chunk, fetched while the login screen idles.
 */
@Component({
  selector: 'app-root',
  imports: [Desk, Insights, Login],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly session = inject(Session);
  protected readonly t = inject(I18n).t;
  protected readonly signedIn = computed(() => this.session.state().status === 'signed-in');
  protected readonly screen = inject(Screen).current;

  constructor() {
    void this.session.start();
    void inject(Branding).load();
  }
}
