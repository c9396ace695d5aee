import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEventName, DomainEvents } from './domain-events';

/** EventEmitter2 with the payload of every event checked against {@link DomainEvents}. */
@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Waits for every listener (and fails when one fails, if it registered so). */
  emitAsync<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<unknown[]> {
    return this.emitter.emitAsync(name, payload);
  }
}
