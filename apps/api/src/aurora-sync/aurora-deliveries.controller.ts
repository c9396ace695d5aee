import { Controller, Get } from '@nestjs/common';
import type { AuroraDeliveryDto } from '@hubble/contracts';
import { AuroraDeliveriesService, type AuroraSyncStatus } from './aurora-deliveries.service';

@Controller('api/aurora')
export class AuroraDeliveriesController {
  constructor(private readonly deliveries: AuroraDeliveriesService) {}

  /** Whether sync is on, the outbox depth, and each active order's delivery state. */
  @Get('deliveries')
  async deliveriesOfActiveOrders(): Promise<
    AuroraSyncStatus & { deliveries: AuroraDeliveryDto[] }
  > {
    const [status, deliveries] = await Promise.all([
      this.deliveries.status(),
      this.deliveries.activeOrders(),
    ]);
    return { ...status, deliveries };
  }
}
