import 'reflect-metadata';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app/create-app';
import { ORDER_DOMAIN_EVENTS } from '../../src/orders';
import { loadConfig } from '../../src/config/app-config';
import { OrdersService } from '../../src/orders/orders.service';
import { Store } from '../../src/persistence/store';
import { WebhookSigner } from './webhook-signer';

export interface DomainEventRecord {
  name: string;
  version: number;
  number: number;
  payload: { version: number; order: Record<string, unknown> };
}

/** One instance of the whole API inside the test process (no HTTP listener); records order events. */
export class InProcessApp {
  readonly events: DomainEventRecord[] = [];

  private constructor(readonly app: NestExpressApplication) {
    const orderEvents: string[] = Object.values(ORDER_DOMAIN_EVENTS);
    app.get(EventEmitter2).onAny((name, payload) => {
      if (!orderEvents.includes(String(name))) return;
      const event = payload as DomainEventRecord['payload'];
      this.events.push({
        name: String(name),
        version: event.version,
        number: Number(event.order['number']),
        payload: event,
      });
    });
  }

  static async start(env: Record<string, string | undefined>): Promise<InProcessApp> {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      STAR_COMMUNITY_PUBLIC_KEY_FILE: new WebhookSigner().writePublicKeyFile(),
      ...env,
    });
    const app = await createApp(config);
    await app.init();
    return new InProcessApp(app);
  }

  get orders(): OrdersService {
    return this.app.get(OrdersService);
  }

  get store(): Store {
    return this.app.get(Store);
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
