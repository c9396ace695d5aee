import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_SCREEN_STATE, type ScreenState, type ScreenStateDto } from '@hubble/contracts';
import {
  SCREEN_STATE_CHANGED,
  ScreenStateChangedEvent,
  type ScreenStateSource,
} from './screen-state-events';
import { ScreenStateRepository, type StoredScreenState } from './screen-state.repository';
import { DomainEventBus } from '../events';

/** Never set: open since the epoch (older than any change, so any change wins on clients). */
const NEVER_SET: StoredScreenState = { state: DEFAULT_SCREEN_STATE, since: 0 };

export interface ScreenStateResult {
  screenState: ScreenStateDto;
  /** False when the state was already in force (nothing stored, nothing emitted). */
  changed: boolean;
}

/** The café's state for the screens: read it, set it (stored, then announced). */
@Injectable()
export class ScreenStateService {
  private readonly logger = new Logger('ScreenState');

  constructor(
    private readonly repository: ScreenStateRepository,
    private readonly events: DomainEventBus,
  ) {}

  async current(): Promise<ScreenStateDto> {
    return toDto((await this.repository.read()) ?? NEVER_SET);
  }

  async set(state: ScreenState, source: ScreenStateSource): Promise<ScreenStateResult> {
    const previous = await this.current();
    const stored = await this.repository.set(state, Date.now());
    if (!stored) return { screenState: await this.current(), changed: false };
    const screenState = toDto(stored);
    this.logger.log(`Screen state is now ${state} (was ${previous.state}; from ${source})`);
    this.events.emit(
      SCREEN_STATE_CHANGED,
      new ScreenStateChangedEvent(screenState, previous, source),
    );
    return { screenState, changed: true };
  }
}

function toDto({ state, since }: StoredScreenState): ScreenStateDto {
  return { state, since: new Date(Number(since)).toISOString() };
}
