import {
  BadRequestException,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Logger,
  Post,
  Req,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { checkOrderNumber } from '@hubble/contracts';
import { OrdersService } from '../orders/orders.service';
import { checkSignature, type SignatureCheck } from './signature';
import { WebhookKeyService } from './webhook-key.service';
import { clientAddress } from '../common/client-address';
import { Metrics, type WebhookOutcome } from '../metrics/metrics.service';
import { WebhookRefusalLimiter } from './webhook-refusal-limiter';

export const WEBHOOK_PATH = '/api/orders/webhook';
export const WEBHOOK_MAX_BODY_BYTES = 16 * 1024;

export interface WebhookAccepted {
  status: 'accepted';
  orderNumber: number;
}

const SIGNATURE_REFUSALS: Record<Exclude<SignatureCheck, 'valid'>, string> = {
  missing: 'X-Signature header is missing',
  malformed: 'X-Signature is not a base64 signature',
  invalid: 'X-Signature does not match the body',
};

/**
 * Star Community's FoodOrderCompletedWebhook. Star Community neither retries nor waits, so the
 * answer comes only after the order is durably stored, and every refusal is logged.
 */
const REFUSAL_OUTCOMES: Record<number, WebhookOutcome> = {
  400: 'bad_request',
  401: 'bad_signature',
  503: 'no_key',
};

@Controller()
export class WebhookController {
  private readonly logger = new Logger(WebhookController.name);

  constructor(
    private readonly keys: WebhookKeyService,
    private readonly orders: OrdersService,
    private readonly refusals: WebhookRefusalLimiter,
    private readonly metrics: Metrics,
  ) {}

  @Post(WEBHOOK_PATH)
  @HttpCode(200)
  async receive(@Req() request: Request): Promise<WebhookAccepted> {
    if (this.refusals.isBlocked(clientAddress(request))) {
      this.metrics.webhook('throttled');
      throw new HttpException(
        'Too many refused webhooks from this address; try again in a minute',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // The raw parser for this path leaves the bytes exactly as received.
    const body: Buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    await this.verify(body, request);
    const orderNumber = this.parseOrderNumber(body, request);
    const { refreshed } = await this.orders.create(orderNumber, 'star-community');
    this.metrics.webhook(refreshed ? 'refreshed' : 'accepted');
    this.logger.log(`Order ${orderNumber} ${refreshed ? 'refreshed' : 'accepted'} from webhook`);
    return { status: 'accepted', orderNumber };
  }

  private async verify(body: Buffer, request: Request): Promise<void> {
    const header = request.headers['x-signature'];
    let key = this.keys.current() ?? (await this.keys.refetchAfterFailure());
    if (!key) {
      throw this.refuse(
        request,
        new ServiceUnavailableException(
          'The Star Community public key is not available, so the webhook cannot be verified',
        ),
      );
    }
    let check = checkSignature(body, header, key);
    if (check === 'invalid') {
      // Perhaps Star Community rotated its key: try once with a freshly fetched one.
      key = await this.keys.refetchAfterFailure();
      if (key) check = checkSignature(body, header, key);
    }
    if (check !== 'valid') {
      throw this.refuse(request, new UnauthorizedException(SIGNATURE_REFUSALS[check]));
    }
  }

  private parseOrderNumber(body: Buffer, request: Request): number {
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw this.refuse(request, new BadRequestException('The body is not valid JSON'));
    }
    const check = checkOrderNumber(
      typeof payload === 'object' && payload !== null
        ? (payload as Record<string, unknown>)['orderNumber']
        : undefined,
    );
    if (!check.ok) throw this.refuse(request, new BadRequestException(check.error));
    return check.value;
  }

  /** Logs the refusal once and, unless it is our own fault (503), counts it against the sender. */
  private refuse(request: Request, error: HttpException): HttpException {
    const address = clientAddress(request);
    this.metrics.webhook(REFUSAL_OUTCOMES[error.getStatus()] ?? 'refused');
    this.logger.warn(
      `Webhook refused with ${error.getStatus()} (${error.message}) from ${address}`,
    );
    if (error.getStatus() < 500) void this.refusals.recordRefusal(address);
    return error;
  }
}
