import { OnEvent, type OnEventOptions } from '@nestjs/event-emitter';
import type { DomainEventName, DomainEvents } from './domain-events';

type Listener<K extends DomainEventName> = (payload: DomainEvents[K]) => unknown;

/**
 * `@OnEvent` for one domain event, with the listener's parameter checked against its payload.
 * One name per decorator: EventEmitter2 reads an array of names as one dotted name.
 */
export function OnDomainEvent<K extends DomainEventName>(name: K, options?: OnEventOptions) {
  const decorate = OnEvent(name, options);
  return <T extends Listener<K>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    decorate(target, key, descriptor);
  };
}
