import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { HealthIndicator, type ModuleHealth } from './module-health';

export interface RegisteredIndicator {
  name: string;
  essential: boolean;
  health: ModuleHealth;
}

/** Every module's health indicator, found once the application is assembled. */
@Injectable()
export class ModuleHealthRegistry implements OnApplicationBootstrap {
  private found: RegisteredIndicator[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.found = this.discovery
      .getProviders({ metadataKey: HealthIndicator.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => {
        const { name, essential = false } = this.discovery.getMetadataByDecorator(
          HealthIndicator,
          wrapper,
        )!;
        return { name, essential, health: wrapper.instance as ModuleHealth };
      });
  }

  get indicators(): readonly RegisteredIndicator[] {
    return this.found;
  }
}
