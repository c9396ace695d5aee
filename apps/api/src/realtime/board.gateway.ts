import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  BOARD_EVENTS,
  BOARD_NAMESPACE,
  BOARD_SYNC,
  type BoardClientEvents,
  type BoardServerEvents,
  type BoardSnapshot,
} from '@hubble/contracts';
import { OrderChangedEvent, OrderRemovedEvent } from '../orders/order-events';
import { Metrics } from '../metrics/metrics.service';
import { CoalescedRead } from './coalesced-read';
import { OrdersService } from '../orders/orders.service';
import { SCREEN_STATE_CHANGED, ScreenStateChangedEvent, ScreenStateService } from '../screen-state';

type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents>;
type BoardSocket = Socket<BoardClientEvents, BoardServerEvents>;

/**
 * The customers' live feed. Every (re)connect and every `sync` gets a snapshot; changes are
 * broadcast once per namespace (Socket.IO encodes a broadcast once for all sockets).
 */
@WebSocketGateway({ namespace: BOARD_NAMESPACE, serveClient: false })
export class BoardGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(BoardGateway.name);

  @WebSocketServer()
  private readonly namespace!: BoardNamespace;

  /** Boards connecting together (a reconnect storm) share snapshot reads. */
  private readonly snapshots: CoalescedRead<BoardSnapshot>;

  constructor(
    orders: OrdersService,
    screenState: ScreenStateService,
    private readonly metrics: Metrics,
  ) {
    this.snapshots = new CoalescedRead(async () => {
      const [snapshot, state] = await Promise.all([orders.snapshot(), screenState.current()]);
      return { ...snapshot, screenState: state };
    });
  }

  afterInit(namespace: BoardNamespace): void {
    this.metrics.measureClients('board', () => namespace.sockets.size);
  }

  async handleConnection(socket: BoardSocket): Promise<void> {
    await this.sendSnapshot(socket);
  }

  @SubscribeMessage(BOARD_SYNC)
  async onSync(socket: BoardSocket): Promise<void> {
    await this.sendSnapshot(socket);
  }

  @OnEvent(BOARD_EVENTS.created)
  onCreated({ version, order, committedAt }: OrderChangedEvent): void {
    this.namespace.emit(BOARD_EVENTS.created, { version, order });
    this.metrics.broadcast(committedAt);
  }

  @OnEvent(BOARD_EVENTS.refreshed)
  onRefreshed({ version, order, committedAt }: OrderChangedEvent): void {
    this.namespace.emit(BOARD_EVENTS.refreshed, { version, order });
    this.metrics.broadcast(committedAt);
  }

  @OnEvent(BOARD_EVENTS.removed)
  onRemoved({ version, order, committedAt }: OrderRemovedEvent): void {
    this.namespace.emit(BOARD_EVENTS.removed, { version, order });
    this.metrics.broadcast(committedAt);
  }

  @OnEvent(SCREEN_STATE_CHANGED)
  onScreenState({ screenState }: ScreenStateChangedEvent): void {
    this.namespace.emit(BOARD_EVENTS.screenState, screenState);
  }

  private async sendSnapshot(socket: BoardSocket): Promise<void> {
    try {
      socket.emit(BOARD_EVENTS.snapshot, await this.snapshots.get());
    } catch (error) {
      // The client keeps what it shows and retries on its next reconnect.
      this.logger.warn(`Snapshot failed: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }
}
