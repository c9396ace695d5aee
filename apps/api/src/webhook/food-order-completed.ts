import { checkOrderNumber, type OrderNumberCheck } from '@hubble/contracts';
import type { SignedWebhookContract } from './signed-webhook-reader';
import { integerMember } from './strict-json';

/**
 * FoodOrderCompletedWebhook: `{"orderNumber": 850}`. The number must be written as a JSON
 * integer (`8.5e2` and `850.0` are refused) and appear once.
 */
export const FOOD_ORDER_COMPLETED: SignedWebhookContract<number> = {
  read: (json): OrderNumberCheck => checkOrderNumber(integerMember(json, 'orderNumber')),
};
