import { Controller, Get } from '@nestjs/common';
import type { OrderDto } from '@hubble/contracts';
import { OrdersService } from './orders.service';

@Controller('api/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** Public: the active orders, newest first. */
  @Get()
  list(): Promise<OrderDto[]> {
    return this.orders.listActive();
  }
}
