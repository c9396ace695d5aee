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
import { checkScreenState, SCREEN_STATE_ROUTES, type ScreenState } from '@hubble/contracts';
import { clientAddress } from '../common/client-address';
import { ScreenStateService } from './screen-state.service';
import {
  type StarCommunityCheck,
  ScreenStateWebhookRefusals,
  StarCommunitySignature,
} from './star-community-webhook';

/** The body cap of both Star Community webhooks. */
export const SCREEN_STATE_WEBHOOK_MAX_BODY_BYTES = 16 * 1024;

export interface ScreenStateWebhookAccepted {
  status: 'accepted';
  state: ScreenState;
}

const REFUSALS: Record<Exclude<StarCommunityCheck, 'valid'>, () => HttpException> = {
  'no-key': () =>
    new ServiceUnavailableException(
      'The Star Community public key is not available, so the webhook cannot be verified',
    ),
  missing: () => new UnauthorizedException('X-Signature header is missing'),
  malformed: () => new UnauthorizedException('X-Signature is not a base64 signature'),
  invalid: () => new UnauthorizedException('X-Signature does not match the body'),
};

/**
 * Star Community's ScreenStateChangedWebhook, with the order webhook's rules: signature over the
 * raw bytes, 16 KB, JSON errors, refusals logged once and counted against the sender. Star
 * Community does not retry, so the answer comes after the state is stored.
 */
@Controller()
export class ScreenStateWebhookController {
  private readonly logger = new Logger(ScreenStateWebhookController.name);

  constructor(
    private readonly signature: StarCommunitySignature,
    private readonly screenState: ScreenStateService,
    private readonly refusals: ScreenStateWebhookRefusals,
  ) {}

  @Post(SCREEN_STATE_ROUTES.webhook)
  @HttpCode(200)
  async receive(@Req() request: Request): Promise<ScreenStateWebhookAccepted> {
    if (this.refusals.isBlocked(clientAddress(request))) {
      throw new HttpException(
        'Too many refused webhooks from this address; try again in a minute',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // The raw parser for this path leaves the bytes exactly as received.
    const body: Buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const check = await this.signature.check(body, request.headers['x-signature']);
    if (check !== 'valid') throw this.refuse(request, REFUSALS[check]());
    const state = this.parseDesiredState(body, request);
    const { changed } = await this.screenState.set(state, 'star-community');
    this.logger.log(`Screen state ${state} ${changed ? 'set' : 'already in force'} from webhook`);
    return { status: 'accepted', state };
  }

  private parseDesiredState(body: Buffer, request: Request): ScreenState {
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw this.refuse(request, new BadRequestException('The body is not valid JSON'));
    }
    const check = checkScreenState(
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)['desiredState']
        : undefined,
      'desiredState',
    );
    if (!check.ok) throw this.refuse(request, new BadRequestException(check.error));
    return check.value;
  }

  /** Logs the refusal once and, unless it is our own fault (503), counts it against the sender. */
  private refuse(request: Request, error: HttpException): HttpException {
    const address = clientAddress(request);
    this.logger.warn(
      `Screen state webhook refused with ${error.getStatus()} (${error.message}) from ${address}`,
    );
    if (error.getStatus() < 500) void this.refusals.recordRefusal(address);
    return error;
  }
}
