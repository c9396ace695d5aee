import { BadRequestException, Body, Controller, Put, Req, UseGuards } from '@nestjs/common';
import { checkScreenState, SCREEN_STATE_ROUTES, type ScreenStateDto } from '@hubble/contracts';
import { ScreenStateService } from '../screen-state';
import { AdminSessionGuard, type RequestWithSession, sessionOf } from './admin-session.guard';
import { AuditService } from './audit.service';
import { SameOriginGuard } from './same-origin.guard';

/** Staff set the café's state from the desk: CSRF and session rules as for orders, audited. */
@Controller()
export class AdminScreenStateController {
  constructor(
    private readonly screenState: ScreenStateService,
    private readonly audit: AuditService,
  ) {}

  @Put(SCREEN_STATE_ROUTES.current)
  @UseGuards(SameOriginGuard, AdminSessionGuard)
  async set(@Body() body: unknown, @Req() request: RequestWithSession): Promise<ScreenStateDto> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException('Send a JSON object like {"state": "last-call"}');
    }
    const check = checkScreenState((body as { state?: unknown }).state);
    if (!check.ok) throw new BadRequestException(check.error);
    const { screenState, changed } = await this.screenState.set(check.value, 'back-office');
    if (changed) await this.audit.record(`screen-state.${check.value}`, null, sessionOf(request));
    return screenState;
  }
}
