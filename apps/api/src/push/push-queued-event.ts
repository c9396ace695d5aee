/** Emitted inside the push module when pushes were queued outside an order change. */
export const PUSH_QUEUED = 'push.queued';

declare module '../events' {
  interface DomainEvents {
    /** New pushes were queued outside an order change (e.g. an evacuation broadcast). */
    'push.queued': undefined;
  }
}
