import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import type { ScreenState } from '@hubble/contracts';
import { LanguageSwitch } from '@hubble/ui';
import { AdminApi } from '../api/admin-api';
import { Branding } from '../branding';
import { I18n } from '../i18n/i18n';
import { SCREEN_HREF } from '../navigation/screen';
import { Session } from '../session/session';
import { DeskActions } from './desk-actions';
import { DeskFeed } from './desk-feed';
import type { DeskChange } from './desk-state';
import { Keypad } from './keypad/keypad';
import { LogoutButton } from './logout/logout-button';
import { OrderList } from './order-list/order-list';
import { ActivityLog } from './recent/activity-log';
import { StaffSessions } from './sessions/staff-sessions';
import { RecentlyRemoved } from './recent/recently-removed';
import { ScreenStateControl } from './screen-state/screen-state-control';
import { UndoSnackbar } from './undo/undo-snackbar';

/** How long an order that arrived or was renewed stays highlighted. */
const FRESH_MS = 2400;

/**
 * The order desk: keypad to add, the live list to remove (with undo), recently removed orders to
 * put back, and the staff activity. Loaded only after login (`@defer` in the app shell), so the
 * login screen does not carry Socket.IO.
 */
@Component({
  selector: 'app-desk',
  imports: [
    ActivityLog,
    Keypad,
    LanguageSwitch,
    LogoutButton,
    OrderList,
    RecentlyRemoved,
    StaffSessions,
    ScreenStateControl,
    UndoSnackbar,
  ],
  providers: [DeskFeed, DeskActions],
  templateUrl: './desk.html',
  styleUrl: './desk.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Desk {
  protected readonly feed = inject(DeskFeed);
  protected readonly actions = inject(DeskActions);
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly insightsHref = SCREEN_HREF.insights;
  private readonly api = inject(AdminApi);
  protected readonly brand = inject(Branding).brand;
  private readonly keypad = viewChild.required(Keypad);
  private readonly orderList = viewChild.required(OrderList);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly fresh = signal<ReadonlyMap<number, number>>(new Map());
  protected readonly loggingOut = signal(false);
  protected readonly logoutFailed = signal(false);
  protected readonly screenStateBusy = signal<ScreenState | null>(null);
  protected readonly screenStateFailed = signal(false);
  protected readonly screenState = computed(() => this.feed.screenState()?.state ?? null);
  protected readonly statusText = computed(() => {
    const t = this.t();
    switch (this.feed.status()) {
      case 'live':
        return t.live;
      case 'connecting':
        return t.connecting;
      default:
        return t.reconnecting;
    }
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(this.feed.onChanges((changes) => this.highlight(changes)));
    this.feed.start();
    // Just logged in (or reloaded): the focus starts in the number field, not on the page.
    afterNextRender(() => {
      if (this.focusLost()) this.keypad().focus();
    });
  }

  protected async undo(): Promise<void> {
    const done = this.actions.undo();
    this.keepFocus();
    await done;
  }

  protected dismissToast(): void {
    this.actions.dismissToast();
    this.keepFocus();
  }

  protected async add(number: number): Promise<void> {
    if (await this.actions.add(number)) this.keypad().clear();
  }

  protected async setScreenState(state: ScreenState): Promise<void> {
    this.screenStateBusy.set(state);
    this.screenStateFailed.set(false);
    try {
      this.feed.showScreenState(await this.api.setScreenState(state));
    } catch {
      this.screenStateFailed.set(true);
    } finally {
      this.screenStateBusy.set(null);
    }
  }

  protected async logout(): Promise<void> {
    if (this.loggingOut()) return;
    this.loggingOut.set(true);
    this.logoutFailed.set(false);
    const done = await this.session.logout();
    this.loggingOut.set(false);
    this.logoutFailed.set(!done);
  }

  /** The snackbar's button went away with the focus: the order list's heading takes it. */
  private keepFocus(): void {
    afterNextRender(
      () => {
        if (this.focusLost()) this.orderList().focusHeading();
      },
      { injector: this.injector },
    );
  }

  private focusLost(): boolean {
    const active = this.document.activeElement;
    return !active || active === this.document.body || !active.isConnected;
  }

  private highlight(changes: DeskChange[]): void {
    const shown = changes.filter((c) => c.kind !== 'left').map((c) => c.number);
    if (shown.length === 0) return;
    this.fresh.update((fresh) => {
      const next = new Map(fresh);
      for (const number of shown) next.set(number, (next.get(number) ?? 0) + 1);
      return next;
    });
    setTimeout(() => {
      this.fresh.update((fresh) => {
        const next = new Map(fresh);
        for (const number of shown) next.delete(number);
        return next;
      });
    }, FRESH_MS);
  }
}
