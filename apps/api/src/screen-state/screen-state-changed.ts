import { checkScreenState, type ScreenState } from '@hubble/contracts';
import type { SignedWebhookContract } from '../webhook';

/** ScreenStateChangedWebhook: `{"desiredState": "open" | "last-call" | "closed" | "evacuation"}`. */
export const SCREEN_STATE_CHANGED_WEBHOOK: SignedWebhookContract<ScreenState> = {
  read: ({ value }) =>
    checkScreenState(
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)['desiredState']
        : undefined,
      'desiredState',
    ),
};
