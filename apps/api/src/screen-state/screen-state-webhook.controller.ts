import { Controller, HttpCode, Logger, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { SCREEN_STATE_ROUTES, type ScreenState } from '@hubble/contracts';
import { SignedWebhookReader } from '../webhook';
import { SCREEN_STATE_CHANGED_WEBHOOK } from './screen-state-changed';
import { ScreenStateService } from './screen-state.service';

export interface ScreenStateWebhookAccepted {
  status: 'accepted';
  state: ScreenState;
}

/**
 * Star Community's ScreenStateChangedWebhook, read by the order webhook's own reader: signature
 * over the raw bytes (with key rotation), 16 KB, strict JSON, the same refusal rules and JSON
 * errors. Star Community does not retry, so the answer comes after the state is stored.
 */
@Controller()
export class ScreenStateWebhookController {
  private readonly logger = new Logger(ScreenStateWebhookController.name);

  constructor(
    private readonly reader: SignedWebhookReader,
    private readonly screenState: ScreenStateService,
  ) {}

  @Post(SCREEN_STATE_ROUTES.webhook)
  @HttpCode(200)
  async receive(@Req() request: Request): Promise<ScreenStateWebhookAccepted> {
    const state = await this.reader.read(request, SCREEN_STATE_CHANGED_WEBHOOK);
    const { changed } = await this.screenState.set(state, 'star-community');
    this.logger.log(`Screen state ${state} ${changed ? 'set' : 'already in force'} from webhook`);
    return { status: 'accepted', state };
  }
}
