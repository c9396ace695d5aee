import { Controller, Get } from '@nestjs/common';
import { SCREEN_STATE_ROUTES, type ScreenStateDto } from '@hubble/contracts';
import { ScreenStateService } from './screen-state.service';

/** The café's state for everyone (the board asks before its feed is up); staff set it in admin. */
@Controller()
export class ScreenStateController {
  constructor(private readonly screenState: ScreenStateService) {}

  @Get(SCREEN_STATE_ROUTES.current)
  current(): Promise<ScreenStateDto> {
    return this.screenState.current();
  }
}
