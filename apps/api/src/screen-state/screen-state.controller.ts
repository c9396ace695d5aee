import { BadRequestException, Body, Controller, Get, Put, Req, UseGuards } from '@nestjs/common';
import { checkScreenState, SCREEN_STATE_ROUTES, type ScreenStateDto } from '@hubble/contracts';
import { ScreenStateService } from './screen-state.service';
import { StaffAudit, StaffOnly, type StaffRequest } from './staff-access';

/** `GET` for everyone (the board asks before its feed is up); `PUT` for staff, audited. */
@Controller()
export class ScreenStateController {
  constructor(
    private readonly screenState: ScreenStateService,
    private readonly audit: StaffAudit,
  ) {}

  @Get(SCREEN_STATE_ROUTES.current)
  current(): Promise<ScreenStateDto> {
    return this.screenState.current();
  }

  @Put(SCREEN_STATE_ROUTES.current)
  @UseGuards(...StaffOnly)
  async set(@Body() body: unknown, @Req() request: StaffRequest): Promise<ScreenStateDto> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException('Send a JSON object like {"state": "last-call"}');
    }
    const check = checkScreenState((body as { state?: unknown }).state);
    if (!check.ok) throw new BadRequestException(check.error);
    const { screenState, changed } = await this.screenState.set(check.value, 'back-office');
    if (changed) await this.audit.recordScreenState(check.value, request);
    return screenState;
  }
}
