import type { AuroraDeliveryDto, AuroraDeliveryState } from '@hubble/contracts';
import type { AuroraAction, OutboxState } from '../persistence';

export interface DeliveryFacts {
  number: number;
  action: AuroraAction | null;
  state: OutboxState | null;
  attempts: number;
  last_error: string | null;
  updated_at: number | null;
}

/** What the back-office shows for an order's latest Aurora call. */
export function toDeliveryDto(facts: DeliveryFacts, syncOn: boolean): AuroraDeliveryDto {
  return {
    orderNumber: facts.number,
    state: deliveryState(facts.state, syncOn),
    action: facts.action,
    attempts: Number(facts.attempts),
    lastError: facts.state === 'retrying' || facts.state === 'failed' ? facts.last_error : null,
    updatedAt: facts.updated_at === null ? null : new Date(facts.updated_at).toISOString(),
  };
}

function deliveryState(state: OutboxState | null, syncOn: boolean): AuroraDeliveryState {
  if (!syncOn) return 'off';
  switch (state) {
    case 'delivered':
    case 'retrying':
    case 'failed':
      return state;
    default:
      // Queued, being made, or none yet (the next re-assert queues it).
      return 'pending';
  }
}
