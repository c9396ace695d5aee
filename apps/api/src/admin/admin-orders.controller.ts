import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  type AdminSnapshot,
  type AuroraDeliveryDto,
  type AuroraProblemDto,
  type CreateOrderResultDto,
  type OrderDto,
  parseOrderNumberText,
  type RemovedOrderDto,
} from '@hubble/contracts';
import { AuroraDeliveriesService, type AuroraSyncStatus } from '../aurora-sync';
import { OrdersService } from '../orders';
import { AdminSessionGuard, type RequestWithSession, sessionOf } from './admin-session.guard';
import { AuditService } from './audit.service';
import { DeskService } from './desk.service';
import { SameOriginGuard } from './same-origin.guard';

/** The staff desk's HTTP API: add, remove, recall, and the desk snapshot. Session required. */
@Controller('api')
@UseGuards(SameOriginGuard, AdminSessionGuard)
export class AdminOrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly desk: DeskService,
    private readonly audit: AuditService,
    private readonly deliveries: AuroraDeliveriesService,
  ) {}

  @Post('orders')
  @HttpCode(HttpStatus.CREATED)
  async add(
    @Body() body: unknown,
    @Req() request: RequestWithSession,
  ): Promise<CreateOrderResultDto> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException('Send a JSON object like {"orderNumber": 42}');
    }
    const result = await this.orders.create(
      (body as { orderNumber?: unknown }).orderNumber,
      'back-office',
    );
    await this.audit.record(
      result.refreshed ? 'order.refresh' : 'order.add',
      result.order.number,
      sessionOf(request),
    );
    return result;
  }

  @Delete('orders/:number')
  async remove(
    @Param('number') number: string,
    @Req() request: RequestWithSession,
  ): Promise<RemovedOrderDto> {
    const removed = await this.orders.remove(orderNumberInPath(number), 'staff');
    await this.audit.record('order.remove', removed.number, sessionOf(request));
    return removed;
  }

  @Post('orders/:number/recall')
  @HttpCode(HttpStatus.OK)
  async recall(
    @Param('number') number: string,
    @Req() request: RequestWithSession,
  ): Promise<OrderDto> {
    const recalled = await this.orders.recall(orderNumberInPath(number));
    await this.audit.record('order.recall', recalled.number, sessionOf(request));
    return recalled;
  }

  @Get('admin/desk')
  deskSnapshot(): Promise<AdminSnapshot> {
    return this.desk.snapshot();
  }

  /**
   * Aurora sync at a glance: on/off, outbox depth, why Aurora does not take our calls (if so),
   * and each active order's delivery state.
   */
  @Get('admin/aurora')
  async aurora(): Promise<
    AuroraSyncStatus & { problem: AuroraProblemDto | null; deliveries: AuroraDeliveryDto[] }
  > {
    const [status, problem, deliveries] = await Promise.all([
      this.deliveries.status(),
      this.deliveries.problem(),
      this.deliveries.activeOrders(),
    ]);
    return { ...status, problem, deliveries };
  }
}

function orderNumberInPath(text: string): number {
  const check = parseOrderNumberText(text);
  if (!check.ok) throw new BadRequestException(check.error);
  return check.value;
}
