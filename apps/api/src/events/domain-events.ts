// The map from domain event name to payload; see index.ts for how a module adds its events.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each module
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents & string;
