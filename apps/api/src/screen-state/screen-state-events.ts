import type { ScreenStateDto } from '@hubble/contracts';

/** The screen-state module's domain event (the sockets' `screen-state` event is another name). */
export const SCREEN_STATE_CHANGED = 'screen-state.changed';

declare module '../events' {
  interface DomainEvents {
    'screen-state.changed': ScreenStateChangedEvent;
  }
}

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
