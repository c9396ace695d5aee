import { Global, Module } from '@nestjs/common';
import { DomainEventBus } from './domain-event-bus';

/** The typed domain-event bus, for every module (EventEmitterModule must be imported first). */
@Global()
@Module({ providers: [DomainEventBus], exports: [DomainEventBus] })
export class EventsModule {}
