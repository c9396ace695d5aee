import { SCREEN_STATE_CHANGED, type ScreenStateDto } from '@hubble/contracts';

export { SCREEN_STATE_CHANGED };

/** Who changed the state: the bartender through Star Community, or staff on the desk. */
export type ScreenStateSource = 'star-community' | 'back-office';

/**
 * Emitted as {@link SCREEN_STATE_CHANGED} after the new state has committed (never for a state
 * that was already in force). The realtime module relays it; a push module may listen too.
 */
export class ScreenStateChangedEvent {
  constructor(
    readonly screenState: ScreenStateDto,
    readonly previous: ScreenStateDto,
    readonly source: ScreenStateSource,
  ) {}
}
