import { Injectable } from '@nestjs/common';
import type { AdminSnapshot } from '@hubble/contracts';
import { AuroraDeliveriesService } from '../aurora-sync';
import { OrdersService } from '../orders';
import { AuditService } from './audit.service';

/** Everything the staff desk shows at once (HTTP and the /admin feed's snapshot). */
@Injectable()
export class DeskService {
  constructor(
    private readonly orders: OrdersService,
    private readonly deliveries: AuroraDeliveriesService,
    private readonly audit: AuditService,
  ) {}

  async snapshot(): Promise<AdminSnapshot> {
    const [desk, deliveries, activity] = await Promise.all([
      this.orders.deskSnapshot(),
      this.deliveries.activeOrders(),
      this.audit.latest(),
    ]);
    return { ...desk, deliveries, activity, serverTime: new Date().toISOString() };
  }
}
