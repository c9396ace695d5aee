import type { AuditEntryDto } from '@hubble/contracts';

/** Domain events of the admin module (in-process; the realtime module relays them). */
export const ADMIN_DOMAIN_EVENTS = {
  /** A staff action was recorded; payload {@link AuditEntryDto}. */
  activity: 'admin.activity',
  /** A session ended (logout); payload {@link SessionEndedEvent}. */
  sessionEnded: 'admin.session.ended',
} as const;

export class SessionEndedEvent {
  constructor(readonly idHash: string) {}
}

export type ActivityEvent = AuditEntryDto;

declare module '../events' {
  interface DomainEvents {
    'admin.activity': ActivityEvent;
    'admin.session.ended': SessionEndedEvent;
  }
}
