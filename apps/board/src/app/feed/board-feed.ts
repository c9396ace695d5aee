import { DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import {
  BOARD_EVENTS,
  type BoardSnapshot,
  latestScreenState,
  type OrderDto,
  type RemovedOrderDto,
  type ScreenStateDto,
} from '@hubble/contracts';
import { ConnectionWatch, followBrowserNetwork } from '@hubble/ui';
import { deviceStorage, STORAGE_KEYS } from '../storage';
import { BOARD_SOCKET, type BoardSocket } from './board-socket';
import { type BoardChange, type FeedStep, FeedState } from './feed-state';

/** How long the board may be without a live feed before it says so. */
export const BANNER_DELAY_MS = 2000;
/** Pause before reconnecting after the server closed the connection itself. */
const SERVER_CLOSE_RETRY_MS = 1000;

/**
 * The live list of ready orders. Applies the `/board` feed through {@link FeedState}, keeps the
 * last state on the device (so the board opens offline with the last known orders), and tells
 * listeners what changed.
 */
@Injectable({ providedIn: 'root' })
export class BoardFeed {
  private readonly openSocket = inject(BOARD_SOCKET);
  private readonly window = inject(DOCUMENT).defaultView;
  private stopFollowingBrowser: () => void = () => undefined;
  private readonly restored = deviceStorage.read<BoardSnapshot>(STORAGE_KEYS.snapshot);
  private readonly state = new FeedState(this.restored);
  private readonly listeners = new Set<(changes: BoardChange[]) => void>();
  /** The latest removal of each number seen live: why and when it left. */
  private readonly removals = new Map<number, RemovedOrderDto>();
  private readonly connection = new ConnectionWatch(BANNER_DELAY_MS);
  private socket: BoardSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** The ready orders, newest first. */
  readonly orders = signal<OrderDto[]>(this.state.list);
  /** `connecting` until the first snapshot, `live` while synced, `reconnecting` after a loss. */
  readonly status = this.connection.status;
  /** True once the feed has not been live for {@link BANNER_DELAY_MS}: say so, mark the list. */
  readonly lost = this.connection.lost;
  /** The café's state (open, last call, closed, evacuation); null until first known. */
  readonly screenState = signal<ScreenStateDto | null>(
    latestScreenState(null, this.restored?.screenState),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Connects (once). Safe to call again. */
  start(): void {
    if (this.socket) return;
    const socket = (this.socket = this.openSocket());
    socket.on('connect', () => {
      // A fresh connection: the server sends a snapshot; events before it wait for it.
      this.state.disconnected();
    });
    socket.on('disconnect', (reason) => {
      this.state.disconnected();
      this.connection.notLive('reconnecting');
      // Socket.IO does not reconnect by itself after the server closed the connection.
      if (reason === 'io server disconnect') {
        this.retryTimer = setTimeout(() => socket.connect(), SERVER_CLOSE_RETRY_MS);
      }
    });
    socket.on('connect_error', () =>
      this.connection.notLive(this.status() === 'connecting' ? 'connecting' : 'reconnecting'),
    );
    socket.on(BOARD_EVENTS.snapshot, (snapshot) => {
      this.screenState.update((held) => latestScreenState(held, snapshot.screenState));
      this.apply(this.state.applySnapshot(snapshot));
    });
    socket.on(BOARD_EVENTS.screenState, (screenState) => {
      this.screenState.update((held) => latestScreenState(held, screenState));
      this.keep();
    });
    for (const name of [BOARD_EVENTS.created, BOARD_EVENTS.refreshed] as const) {
      socket.on(name, (payload) => this.apply(this.state.applyEvent({ name, payload })));
    }
    socket.on(BOARD_EVENTS.removed, (payload) => {
      this.noteRemoval(payload.order);
      this.apply(this.state.applyEvent({ name: BOARD_EVENTS.removed, payload }));
    });
    this.stopFollowingBrowser = followBrowserNetwork(this.window, socket);
    this.connection.notLive('connecting');
    socket.connect();
  }

  stop(): void {
    this.connection.dispose();
    clearTimeout(this.retryTimer);
    this.stopFollowingBrowser();
    this.socket?.close();
    this.socket = null;
  }

  /** Calls `listener` with every batch of changes; returns the unsubscribe function. */
  onChanges(listener: (changes: BoardChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Why and when `number` last left the board, if the feed said so while connected. */
  removal(number: number): RemovedOrderDto | undefined {
    return this.removals.get(number);
  }

  private noteRemoval(order: RemovedOrderDto): void {
    this.removals.delete(order.number);
    this.removals.set(order.number, order);
    if (this.removals.size > 200) this.removals.delete(this.removals.keys().next().value!);
  }

  private apply(step: FeedStep): void {
    if (step.needsSync) this.socket?.sync();
    if (this.state.isSynced) this.connection.live();
    this.orders.set(this.state.list);
    this.keep();
    if (step.changes.length > 0) this.listeners.forEach((listener) => listener(step.changes));
  }

  /** Keeps what the board shows on the device, for a start without network. */
  private keep(): void {
    const screenState = this.screenState();
    deviceStorage.write(STORAGE_KEYS.snapshot, {
      ...this.state.toSnapshot(),
      ...(screenState && { screenState }),
    });
  }
}
