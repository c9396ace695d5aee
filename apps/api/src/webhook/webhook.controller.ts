import { Controller, HttpCode, Logger, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { OrdersService } from '../orders';
import { Metrics } from '../metrics';
import { FOOD_ORDER_COMPLETED } from './food-order-completed';
import { SignedWebhookReader, WebhookRefusal } from './signed-webhook-reader';

export const WEBHOOK_PATH = '/api/orders/webhook';

export interface WebhookAccepted {
  status: 'accepted';
  orderNumber: number;
}

/**
 * Star Community's FoodOrderCompletedWebhook. Star Community neither retries nor waits, so the
 * answer comes only after the order is durably stored, and every refusal is logged.
 */
@Controller()
export class WebhookController {
  private readonly logger = new Logger(WebhookController.name);

  constructor(
    private readonly reader: SignedWebhookReader,
    private readonly orders: OrdersService,
    private readonly metrics: Metrics,
  ) {}

  @Post(WEBHOOK_PATH)
  @HttpCode(200)
  async receive(@Req() request: Request): Promise<WebhookAccepted> {
    const orderNumber = await this.reader.read(request, FOOD_ORDER_COMPLETED).catch((error) => {
      if (error instanceof WebhookRefusal) this.metrics.webhook(error.outcome);
      throw error;
    });
    const { refreshed } = await this.orders.create(orderNumber, 'star-community');
    this.metrics.webhook(refreshed ? 'refreshed' : 'accepted');
    this.logger.log(`Order ${orderNumber} ${refreshed ? 'refreshed' : 'accepted'} from webhook`);
    return { status: 'accepted', orderNumber };
  }
}
