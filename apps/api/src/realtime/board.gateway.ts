import { Logger, type OnModuleDestroy } from '@nestjs/common';
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
import { OrderChangedEvent, OrderRemovedEvent } from '../orders';
import { Metrics } from '../metrics';
import { CoalescedRead } from './coalesced-read';
import { OrdersService } from '../orders';
import { limitIncomingRate, OutputBudget } from './output-budget';
import { SnapshotPacer } from './snapshot-pacer';
import { SCREEN_STATE_CHANGED, ScreenStateChangedEvent, ScreenStateService } from '../screen-state';
import { OnDomainEvent } from '../events';
import { ORDER_DOMAIN_EVENTS } from '../orders';

type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents>;
interface SocketData {
  pacer: SnapshotPacer;
}
type BoardSocket = Socket<BoardClientEvents, BoardServerEvents, object, SocketData>;

/**
 * The customers' live feed. Every (re)connect and every `sync` gets a snapshot (paced per socket,
 * see {@link SnapshotPacer}); changes are broadcast once per namespace (Socket.IO encodes a
 * broadcast once for all sockets). A socket that stops reading is dropped past its output budget.
 */
@WebSocketGateway({ namespace: BOARD_NAMESPACE, serveClient: false })
export class BoardGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(BoardGateway.name);

  @WebSocketServer()
  private readonly namespace!: BoardNamespace;

  private readonly outputBudget = new OutputBudget();

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

  handleConnection(socket: BoardSocket): void {
    this.outputBudget.watch(socket, (bytes) =>
      this.logger.warn(`A board stopped reading (${bytes} bytes unsent); disconnected`),
    );
    limitIncomingRate(socket, () =>
      this.logger.warn(`A board flooded the feed with messages; disconnected`),
    );
    const pacer = new SnapshotPacer(() => this.sendSnapshot(socket));
    socket.data.pacer = pacer;
    socket.once('disconnect', () => pacer.stop());
    pacer.request();
  }

  onModuleDestroy(): void {
    this.outputBudget.stop();
  }

  @SubscribeMessage(BOARD_SYNC)
  onSync(socket: BoardSocket): void {
    socket.data.pacer.request();
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.created)
  onCreated({ version, order, committedAt }: OrderChangedEvent): void {
    this.afterAnswer(
      () => this.namespace.emit(BOARD_EVENTS.created, { version, order }),
      committedAt,
    );
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.refreshed)
  onRefreshed({ version, order, committedAt }: OrderChangedEvent): void {
    this.afterAnswer(
      () => this.namespace.emit(BOARD_EVENTS.refreshed, { version, order }),
      committedAt,
    );
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.removed)
  onRemoved({ version, order, committedAt }: OrderRemovedEvent): void {
    this.afterAnswer(
      () => this.namespace.emit(BOARD_EVENTS.removed, { version, order }),
      committedAt,
    );
  }

  /**
   * Answer first: the events are emitted inside the request that made the change, and writing
   * one packet to 10,000 sockets takes a few hundred milliseconds. The broadcast waits two turns
   * of the event loop: the answer is written first, and the change's Aurora call (queued at
   * commit, before these events) goes out before the fan-out. One turn is not enough: when the
   * call needs a new connection (Aurora closed the idle one), the request is written only once
   * the connect completes, in the next turn's I/O phase; with one turn it waited behind the whole
   * fan-out (p99 350 ms with 10,000 boards). Immediates run in order, so versions still arrive
   * one by one.
   */
  private afterAnswer(broadcast: () => void, committedAt: number): void {
    setImmediate(() =>
      setImmediate(() => {
        broadcast();
        this.metrics.broadcast(committedAt);
      }),
    );
  }

  @OnDomainEvent(SCREEN_STATE_CHANGED)
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
