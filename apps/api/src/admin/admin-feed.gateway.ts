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
  ADMIN_EVENTS,
  ADMIN_NAMESPACE,
  ADMIN_SESSION_COOKIE,
  ADMIN_SYNC,
  type AdminClientEvents,
  type AdminServerEvents,
  type AuditEntryDto,
  type AuroraDeliveryDto,
} from '@hubble/contracts';
import { AURORA_DELIVERY_CHANGED } from '../aurora-sync';
import { AppConfig } from '../config';
import { OnDomainEvent } from '../events';
import { Metrics } from '../metrics';
import { ORDER_DOMAIN_EVENTS, OrderChangedEvent, OrderRemovedEvent } from '../orders';
import { limitIncomingRate, OutputBudget, SnapshotPacer } from '../realtime';
import { SCREEN_STATE_CHANGED, ScreenStateChangedEvent, ScreenStateService } from '../screen-state';
import { ADMIN_DOMAIN_EVENTS, SessionEndedEvent } from './admin-events';
import { type AdminSession, AdminSessionsService } from './admin-sessions.service';
import { readCookie } from './cookies';
import { DeskService } from './desk.service';
import { isSameOrigin } from './same-origin.guard';

interface SocketData {
  session: AdminSession;
  expiryTimer?: NodeJS.Timeout;
  pacer?: SnapshotPacer;
}
type AdminNamespace = Namespace<AdminClientEvents, AdminServerEvents, object, SocketData>;
type AdminSocket = Socket<AdminClientEvents, AdminServerEvents, object, SocketData>;

/** Longest setTimeout; a session lasting longer is checked again at reconnect. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The staff desk's live feed. Only a handshake from our own pages carrying a valid session
 * cookie may join; it gets the desk snapshot, then every order change, Aurora delivery state and
 * staff action. A session that ends (logout, expiry) is told so and disconnected.
 */
@WebSocketGateway({ namespace: ADMIN_NAMESPACE, serveClient: false })
export class AdminFeedGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(AdminFeedGateway.name);

  @WebSocketServer()
  private readonly namespace!: AdminNamespace;

  private readonly outputBudget = new OutputBudget();

  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly desk: DeskService,
    private readonly screenState: ScreenStateService,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  afterInit(namespace: AdminNamespace): void {
    this.metrics.measureClients('admin', () => namespace.sockets.size);
    namespace.use((socket, next) => {
      void this.authenticate(socket).then(
        (session) => {
          if (!session) return next(new Error('unauthorized'));
          socket.data.session = session;
          next();
        },
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  onModuleDestroy(): void {
    this.outputBudget.stop();
  }

  handleConnection(socket: AdminSocket): void {
    const { session } = socket.data;
    const endsIn = Math.min(session.expiresAt - Date.now(), MAX_TIMER_MS);
    socket.data.expiryTimer = setTimeout(() => this.endSession(socket), Math.max(endsIn, 0));
    this.outputBudget.watch(socket, (bytes) =>
      this.logger.warn(`A desk stopped reading (${bytes} bytes unsent); disconnected`),
    );
    limitIncomingRate(socket, () =>
      this.logger.warn(`A desk flooded the feed with messages; disconnected`),
    );
    const pacer = new SnapshotPacer(() => this.sendSnapshot(socket));
    socket.data.pacer = pacer;
    socket.once('disconnect', () => {
      clearTimeout(socket.data.expiryTimer);
      pacer.stop();
    });
    pacer.request();
  }

  @SubscribeMessage(ADMIN_SYNC)
  onSync(socket: AdminSocket): void {
    socket.data.pacer?.request();
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.created)
  onCreated({ version, order }: OrderChangedEvent): void {
    this.afterAnswer(() => this.namespace.emit(ADMIN_EVENTS.created, { version, order }));
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.refreshed)
  onRefreshed({ version, order }: OrderChangedEvent): void {
    this.afterAnswer(() => this.namespace.emit(ADMIN_EVENTS.refreshed, { version, order }));
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.removed)
  onRemoved({ version, order }: OrderRemovedEvent): void {
    this.afterAnswer(() => this.namespace.emit(ADMIN_EVENTS.removed, { version, order }));
  }

  @OnDomainEvent(AURORA_DELIVERY_CHANGED)
  onDelivery(delivery: AuroraDeliveryDto): void {
    this.afterAnswer(() => this.namespace.emit(ADMIN_EVENTS.delivery, delivery));
  }

  @OnDomainEvent(ADMIN_DOMAIN_EVENTS.activity)
  onActivity(entry: AuditEntryDto): void {
    this.afterAnswer(() => this.namespace.emit(ADMIN_EVENTS.activity, entry));
  }

  @OnDomainEvent(SCREEN_STATE_CHANGED)
  onScreenState({ screenState }: ScreenStateChangedEvent): void {
    this.afterAnswer(() => this.namespace.emit(ADMIN_EVENTS.screenState, screenState));
  }

  @OnDomainEvent(ADMIN_DOMAIN_EVENTS.sessionEnded)
  async onSessionEnded({ idHash }: SessionEndedEvent): Promise<void> {
    const sockets = await this.namespace.fetchSockets();
    for (const socket of sockets) {
      if (socket.data.session?.idHash === idHash) {
        socket.emit(ADMIN_EVENTS.sessionEnded);
        socket.disconnect(true);
      }
    }
  }

  /**
   * The events arrive inside the request that made the change: the desks hear of it right after
   * its answer is written (every emit here goes the same way, so their order is kept).
   */
  private afterAnswer(emit: () => void): void {
    setImmediate(emit);
  }

  private async authenticate(socket: AdminSocket): Promise<AdminSession | undefined> {
    const { headers } = socket.handshake;
    if (!isSameOrigin({ headers }, this.config.publicUrl)) return undefined;
    return this.sessions.find(readCookie(headers.cookie, ADMIN_SESSION_COOKIE));
  }

  private endSession(socket: AdminSocket): void {
    socket.emit(ADMIN_EVENTS.sessionEnded);
    socket.disconnect(true);
  }

  private async sendSnapshot(socket: AdminSocket): Promise<void> {
    try {
      const [desk, screenState] = await Promise.all([
        this.desk.snapshot(),
        this.screenState.current(),
      ]);
      socket.emit(ADMIN_EVENTS.snapshot, { ...desk, screenState });
    } catch (error) {
      this.logger.warn(`Desk snapshot failed: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }
}
