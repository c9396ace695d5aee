import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  type BoardSnapshot,
  checkOrderNumber,
  type OrderDto,
  type OrderSource,
  RECALL_WINDOW_SECONDS,
  type RemovedOrderDto,
  type RemovedReason,
} from '@hubble/contracts';
import { AppConfig } from '../config';
import { OrderChangedEvent, OrderRemovedEvent } from './order-events';
import { toOrderDto, toRemovedOrderDto } from './order-mapper';
import type { OrderChange } from './order-change';
import { OrdersRepository } from './orders.repository';
import { DomainEventBus } from '../events';
import { ORDER_DOMAIN_EVENTS } from './order-events';

export interface CreateOrderResult {
  order: OrderDto;
  /** True when the number was already active and only its time was renewed. */
  refreshed: boolean;
}

/**
 * The only way orders change. Each change is committed first, then announced as a domain event
 * (`order.created`, `order.refreshed`, `order.removed`) that the other modules listen to.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly repository: OrdersRepository,
    private readonly events: DomainEventBus,
    private readonly config: AppConfig,
  ) {}

  async create(orderNumber: unknown, source: OrderSource): Promise<CreateOrderResult> {
    const number = validOrderNumber(orderNumber);
    const now = Date.now();
    const changes = await this.repository.upsert(
      number,
      source,
      now,
      now + this.config.orderTimeoutSeconds * 1000,
    );
    this.announce(changes);
    const last = changes[changes.length - 1];
    return { order: toOrderDto(last.order), refreshed: last.kind === 'refreshed' };
  }

  /** Removes an active order; 404 when the number is not on the board. */
  async remove(orderNumber: unknown, reason: RemovedReason): Promise<RemovedOrderDto> {
    const number = validOrderNumber(orderNumber);
    const [change] = await this.repository.remove(number, reason, Date.now());
    if (!change) throw new NotFoundException(`Order ${number} is not on the board`);
    this.announce([change]);
    return toRemovedOrderDto(change.order);
  }

  /**
   * Undoes a removal: the order removed most recently with this number, within
   * RECALL_WINDOW_SECONDS, is back on the board for a full timeout. 404 when there is nothing to
   * recall, 409 when the number is on the board again.
   */
  async recall(orderNumber: unknown): Promise<OrderDto> {
    const number = validOrderNumber(orderNumber);
    const now = Date.now();
    const { outcome, changes } = await this.repository.recall(
      number,
      now,
      now + this.config.orderTimeoutSeconds * 1000,
      now - RECALL_WINDOW_SECONDS * 1000,
    );
    if (outcome === 'active')
      throw new ConflictException(`Order ${number} is already on the board`);
    if (outcome === 'none') {
      throw new NotFoundException(
        `No order ${number} was removed in the last ${RECALL_WINDOW_SECONDS / 60} minutes`,
      );
    }
    this.announce(changes);
    return toOrderDto(changes[0].order);
  }

  /** What the staff desk shows: active orders and recently removed ones, at one version. */
  async deskSnapshot(): Promise<{
    version: number;
    active: OrderDto[];
    recentlyRemoved: RemovedOrderDto[];
  }> {
    const now = Date.now();
    const { version, orders, removed } = await this.repository.deskSnapshot(
      now,
      now - RECALL_WINDOW_SECONDS * 1000,
    );
    return {
      version,
      active: orders.map(toOrderDto),
      recentlyRemoved: removed.map(toRemovedOrderDto),
    };
  }

  /** Removes every order whose time is up; returns how many this instance removed. */
  async expireDue(): Promise<number> {
    const changes = await this.repository.expireDue(Date.now());
    this.announce(changes);
    return changes.length;
  }

  async listActive(): Promise<OrderDto[]> {
    return (await this.repository.listActive(Date.now())).map(toOrderDto);
  }

  async snapshot(): Promise<BoardSnapshot> {
    const { version, orders } = await this.repository.snapshot(Date.now());
    return { version, orders: orders.map(toOrderDto) };
  }

  /** Forgets orders removed more than ORDER_RETENTION_DAYS days ago (audit, statistics). */
  pruneOldRemoved(): Promise<number> {
    return this.repository.pruneRemovedBefore(
      Date.now() - this.config.orderRetentionDays * 24 * 3600_000,
    );
  }

  /** When the next order not yet removed is due (epoch ms), if any. */
  nextExpiry(): Promise<number | undefined> {
    return this.repository.nextExpiry();
  }

  private announce(changes: OrderChange[]): void {
    const committedAt = performance.now();
    for (const { kind, order, version } of changes) {
      if (kind === 'removed') {
        this.events.emit(
          ORDER_DOMAIN_EVENTS.removed,
          new OrderRemovedEvent(version, toRemovedOrderDto(order), committedAt),
        );
      } else {
        this.events.emit(
          ORDER_DOMAIN_EVENTS[kind],
          new OrderChangedEvent(version, toOrderDto(order), committedAt),
        );
      }
    }
  }
}

function validOrderNumber(value: unknown): number {
  const check = checkOrderNumber(value);
  if (!check.ok) throw new BadRequestException(check.error);
  return check.value;
}
