import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '../events';
import { SCREEN_STATE_CHANGED, type ScreenStateChangedEvent } from '../screen-state';
import type { BroadcastMessage } from './push-messages';
import { PushBroadcast } from './push-broadcast.service';

/** How long a push service may hold the evacuation alert for a phone that is offline. */
const EVACUATION_TTL_SECONDS = 15 * 60;

const EVACUATION: BroadcastMessage = {
  tag: 'evacuation',
  texts: {
    en: {
      title: 'Evacuate now',
      body: 'Leave the building by the nearest exit and follow the staff. Do not collect your order.',
    },
    nl: {
      title: 'Nu evacueren',
      body: 'Verlaat het gebouw via de dichtstbijzijnde uitgang en volg het personeel. Haal je bestelling niet op.',
    },
  },
};

/**
 * An evacuation reaches every phone with a live subscription, also one whose screen is locked.
 * The event fires only on the instance that committed the change, and the broadcast is queued
 * durably and sent once across instances like the order pushes.
 */
@Injectable()
export class EvacuationPush {
  private readonly logger = new Logger(EvacuationPush.name);

  constructor(private readonly broadcast: PushBroadcast) {}

  @OnDomainEvent(SCREEN_STATE_CHANGED)
  async onScreenStateChanged({ screenState, previous }: ScreenStateChangedEvent): Promise<void> {
    if (screenState.state !== 'evacuation' || previous.state === 'evacuation') return;
    try {
      const queued = await this.broadcast.toEveryLiveSubscription(
        EVACUATION,
        EVACUATION_TTL_SECONDS,
      );
      this.logger.warn(`Evacuation pushed to ${queued} followers`);
    } catch (error) {
      this.logger.error(`Evacuation push could not be queued: ${(error as Error).message}`);
    }
  }
}
