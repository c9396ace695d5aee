// Domain events: the one map from event name to payload type that emitters and listeners share.
// Each module declares the events it emits by merging into DomainEvents from its own folder:
//
//   declare module '../events' {
//     interface DomainEvents { 'order.created': OrderChangedEvent }
//   }
//
// These names are the API's own; the Socket.IO event names (libs/contracts) are another
// vocabulary, and the gateways map one to the other explicitly.

export type { DomainEventName, DomainEvents } from './domain-events';
export { DomainEventBus } from './domain-event-bus';
export { EventsModule } from './events.module';
export { OnDomainEvent } from './on-domain-event';
