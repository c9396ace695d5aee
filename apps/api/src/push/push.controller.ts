import {
  BadRequestException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  Post,
  Req,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PUSH_ROUTES, type PushPublicKeyDto } from '@hubble/contracts';
import { clientAddress } from '../common';
import { AppConfig } from '../config';
import { parseSubscriptionRequest, parseUnsubscribeRequest } from './push-subscription-request';
import { PushRequestLimiter } from './push-request-limiter';
import { PushRepository } from './push.repository';
import { VapidKeysService } from './vapid-keys.service';

/** A subscription lives as long as the board remembers the followed number. */
export const PUSH_SUBSCRIPTION_TTL_MS = 12 * 3600_000;
/** A real subscription request is a few hundred bytes. */
const MAX_BODY_BYTES = 4096;

/** The board's Web Push routes: the VAPID public key, subscribe, unsubscribe. */
@Controller()
export class PushController {
  constructor(
    private readonly config: AppConfig,
    private readonly repository: PushRepository,
    private readonly vapid: VapidKeysService,
    private readonly limiter: PushRequestLimiter,
  ) {}

  @Get(PUSH_ROUTES.publicKey)
  publicKey(@Res({ passthrough: true }) response: Response): PushPublicKeyDto {
    response.setHeader('Cache-Control', 'no-cache');
    return { publicKey: this.vapid.current.publicKey };
  }

  @Post(PUSH_ROUTES.subscriptions)
  @HttpCode(201)
  async subscribe(@Req() request: Request): Promise<{ status: 'subscribed'; expiresAt: string }> {
    this.admit(request);
    const parsed = parseSubscriptionRequest(request.body, this.config.push.serviceHosts);
    if (!parsed.ok) throw new BadRequestException(parsed.error);
    const now = Date.now();
    const expiresAt = now + PUSH_SUBSCRIPTION_TTL_MS;
    const { maxPerNumber, maxTotal } = this.config.push;
    const outcome = await this.repository.subscribe(parsed.value, now, expiresAt, {
      perNumber: maxPerNumber,
      total: maxTotal,
    });
    if (outcome === 'number-full') {
      throw new BadRequestException(
        `Order ${parsed.value.orderNumber} already has ${maxPerNumber} followers with notifications`,
      );
    }
    if (outcome === 'store-full') {
      throw new ServiceUnavailableException('No room for more push subscriptions right now');
    }
    return { status: 'subscribed', expiresAt: new Date(expiresAt).toISOString() };
  }

  @Delete(PUSH_ROUTES.subscriptions)
  @HttpCode(204)
  async unsubscribe(@Req() request: Request): Promise<void> {
    this.admit(request);
    const parsed = parseUnsubscribeRequest(request.body, this.config.push.serviceHosts);
    if (!parsed.ok) throw new BadRequestException(parsed.error);
    await this.repository.unsubscribe(parsed.value);
  }

  /** The per-address rate limit and the body size, before anything is read. */
  private admit(request: Request): void {
    if (!this.limiter.allow(clientAddress(request))) {
      throw new HttpException(
        {
          statusCode: 429,
          message: 'Too many subscription requests; try again in a minute',
          error: 'Too Many Requests',
        },
        429,
      );
    }
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      throw new BadRequestException(`The body must be at most ${MAX_BODY_BYTES} bytes`);
    }
  }
}
