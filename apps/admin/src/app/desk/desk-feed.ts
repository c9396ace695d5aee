import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import {
  ADMIN_EVENTS,
  type AuditEntryDto,
  type AuroraDeliveryDto,
  type AuroraProblemKind,
  type RemovedOrderDto,
  latestScreenState,
  type ScreenStateDto,
} from '@hubble/contracts';
import { ConnectionWatch, followBrowserNetwork } from '@hubble/ui';
import { AdminApi } from '../api/admin-api';
import { Session } from '../session/session';
import { msToNextSecond } from './clock';
import { DESK_SOCKET, type DeskSocket } from './desk-socket';
import {
  type DeskChange,
  type DeskOrder,
  type DeskStep,
  DeskState,
  filterRecallable,
} from './desk-state';

/** How long the desk may be without a live feed before it says so. */
export const BANNER_DELAY_MS = 2000;
/** Pause before connecting again after the server closed or refused the connection. */
export const RETRY_AFTER_REFUSAL_MS = 2000;
/** The message of the `connect_error` the API gives a handshake without a valid session. */
export const UNAUTHORIZED = 'unauthorized';

/**
 * The live desk: the `/admin` feed applied through {@link DeskState}, a clock ticking in server
 * time for the countdowns, and orders hidden at once while their removal is on its way.
 * Provided by the desk component, so logging out closes the connection.
 */
@Injectable()
export class DeskFeed {
  private readonly openSocket = inject(DESK_SOCKET);
  private readonly api = inject(AdminApi);
  private readonly session = inject(Session);
  private readonly window = inject(DOCUMENT).defaultView;
  private stopFollowingBrowser: () => void = () => undefined;
  private readonly state = new DeskState();
  private readonly listeners = new Set<(changes: DeskChange[]) => void>();
  private socket: DeskSocket | null = null;
  private readonly connection = new ConnectionWatch(BANNER_DELAY_MS);
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private learningAurora = false;
  private tickTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly orders = signal<DeskOrder[]>([]);
  private readonly removed = signal<RemovedOrderDto[]>([]);
  /** Numbers whose removal was sent and not yet confirmed by the feed. */
  private readonly hidden = signal<ReadonlySet<number>>(new Set());

  /** `connecting` until the first snapshot, `live` while synced, `reconnecting` after a loss. */
  readonly status = this.connection.status;
  /** True once the feed has not been live for {@link BANNER_DELAY_MS}. */
  readonly lost = this.connection.lost;
  readonly activity = signal<AuditEntryDto[]>([]);
  /** The café's state for the screens; null until the first snapshot. */
  readonly screenState = signal<ScreenStateDto | null>(null);
  /** Server clock minus device clock, ms. */
  readonly clockOffset = signal(0);
  /** This device's clock, ticking once a second (on the server's second). */
  readonly deviceNow = signal(Date.now());
  /** The server's clock, ticking once a second. */
  readonly serverNow = computed(() => this.deviceNow() + this.clockOffset());
  /** Whether the first snapshot has arrived (before it, an empty list means nothing). */
  readonly loaded = signal(false);
  /** Why Aurora does not take our orders now (said once on the desk), or null. */
  readonly auroraProblem = signal<AuroraProblemKind | null>(null);

  /** Active orders, newest first, without those being removed right now. */
  readonly active = computed(() => {
    const hidden = this.hidden();
    return this.orders().filter((order) => !hidden.has(order.number));
  });
  /** Removed orders that can still be put back. */
  readonly recallable = computed(() =>
    filterRecallable(
      this.removed(),
      new Set(this.orders().map((order) => order.number)),
      this.serverNow(),
    ),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Connects (once) and starts the clock. Safe to call again. */
  start(): void {
    if (this.socket) return;
    const socket = (this.socket = this.openSocket());
    socket.on('connect', () => {
      // A fresh connection: the server sends a snapshot; events before it wait for it.
      this.state.disconnected();
      void this.learnAuroraSync();
    });
    socket.on('disconnect', (reason) => {
      this.state.disconnected();
      this.connection.notLive('reconnecting');
      // Socket.IO does not reconnect by itself after the server closed the connection; the
      // session may have ended.
      if (reason === 'io server disconnect') void this.retryIfStillSignedIn();
    });
    socket.on('connect_error', (error) => {
      this.connection.notLive(this.status() === 'connecting' ? 'connecting' : 'reconnecting');
      // Refused by the server (not a network failure): Socket.IO gives up; find out why.
      if (!socket.active || error.message === UNAUTHORIZED) void this.retryIfStillSignedIn();
    });
    socket.on(ADMIN_EVENTS.sessionEnded, () => this.session.ended());
    socket.on(ADMIN_EVENTS.snapshot, (snapshot) => {
      this.showScreenState(snapshot.screenState);
      this.apply(this.state.applySnapshot(snapshot));
      this.clockOffset.set(this.state.clockOffsetMs);
      this.deviceNow.set(Date.now());
      this.loaded.set(true);
    });
    for (const name of [ADMIN_EVENTS.created, ADMIN_EVENTS.refreshed] as const) {
      socket.on(name, (payload) => this.apply(this.state.apply({ name, payload })));
    }
    socket.on(ADMIN_EVENTS.removed, (payload) =>
      this.apply(this.state.apply({ name: ADMIN_EVENTS.removed, payload })),
    );
    socket.on(ADMIN_EVENTS.delivery, (payload) => {
      this.apply(this.state.apply({ name: ADMIN_EVENTS.delivery, payload }));
      if (this.auroraStatusChanged(payload)) void this.learnAuroraSync();
    });
    socket.on(ADMIN_EVENTS.activity, (payload) =>
      this.apply(this.state.apply({ name: ADMIN_EVENTS.activity, payload })),
    );
    socket.on(ADMIN_EVENTS.screenState, (screenState) => this.showScreenState(screenState));
    this.stopFollowingBrowser = followBrowserNetwork(this.window, socket);
    this.connection.notLive('connecting');
    socket.connect();
    this.tick();
  }

  stop(): void {
    this.connection.dispose();
    clearTimeout(this.retryTimer);
    clearTimeout(this.tickTimer);
    this.stopFollowingBrowser();
    this.socket?.close();
    this.socket = null;
  }

  /** Calls `listener` with every batch of changes; returns the unsubscribe function. */
  onChanges(listener: (changes: DeskChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes an order off the list at once while its removal is on its way. */
  hide(number: number): void {
    this.hidden.update((hidden) => new Set(hidden).add(number));
  }

  /** Shows an order again (its removal failed, or the feed has caught up). */
  unhide(number: number): void {
    if (!this.hidden().has(number)) return;
    this.hidden.update((hidden) => {
      const next = new Set(hidden);
      next.delete(number);
      return next;
    });
  }

  /** A state from the feed or from our own PUT's answer: the later one wins. */
  showScreenState(screenState: ScreenStateDto | undefined): void {
    this.screenState.update((held) => latestScreenState(held, screenState));
  }

  isActive(number: number): boolean {
    return this.state.has(number);
  }

  private apply(step: DeskStep): void {
    if (step.needsSync) this.socket?.sync();
    if (this.state.isSynced) this.connection.live();
    this.orders.set(this.state.active);
    this.removed.set(this.state.removed);
    this.activity.set(this.state.activity);
    // The feed confirmed the removal (or the order is back): stop hiding it.
    for (const change of step.changes) this.unhide(change.number);
    if (step.changes.length > 0) this.listeners.forEach((listener) => listener(step.changes));
  }

  /**
   * Asked on every connection (sync on or off only changes with a server restart) and whenever
   * a delivery suggests Aurora's trouble began or ended.
   */
  private async learnAuroraSync(): Promise<void> {
    if (this.learningAurora) return;
    this.learningAurora = true;
    try {
      const { sync, problem } = await this.api.auroraSync();
      this.state.setAuroraSync(sync === 'on');
      this.orders.set(this.state.active);
      this.auroraProblem.set(problem?.kind ?? null);
    } catch {
      // Unknown: orders without a delivery state show as about to be sent.
    } finally {
      this.learningAurora = false;
    }
  }

  private auroraStatusChanged(delivery: AuroraDeliveryDto): boolean {
    const troubled = delivery.state === 'failed' || delivery.state === 'retrying';
    return troubled !== (this.auroraProblem() !== null);
  }

  private async retryIfStillSignedIn(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (!(await this.session.verify())) return;
    const socket = this.socket;
    if (!socket || socket.connected || socket.active) return;
    this.retryTimer = setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
  }

  private tick(): void {
    this.deviceNow.set(Date.now());
    this.tickTimer = setTimeout(() => this.tick(), msToNextSecond(Date.now(), this.clockOffset()));
  }

  /** An idle WebSocket notices a dead network only at the next missed heartbeat: drop it now. */
}
