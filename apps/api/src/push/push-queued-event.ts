/** Emitted inside the push module when pushes were queued outside an order change. */
export const PUSH_QUEUED = 'push.queued';
