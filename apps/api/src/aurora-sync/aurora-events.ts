import type { AuroraDeliveryDto } from '@hubble/contracts';

/** The aurora-sync module's domain event: a delivery state changed (the desk relays it). */
export const AURORA_DELIVERY_CHANGED = 'aurora.delivery';

declare module '../events' {
  interface DomainEvents {
    'aurora.delivery': AuroraDeliveryDto;
  }
}
