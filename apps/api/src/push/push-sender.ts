import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import webpush from 'web-push';
import { OutboundHttp } from '../common';
import { AppConfig } from '../config';
import { endpointRefusal } from './push-endpoint-policy';
import type { PushSubscriptionRow } from './push.repository';
import { VapidKeysService } from './vapid-keys.service';

export interface PushMessage {
  payload: string;
  /** Seconds the push service may hold the message for an offline device. */
  ttlSeconds: number;
  /** RFC 8030 Topic: a newer message with the same topic replaces one not yet delivered. */
  topic: string;
}

export type SendOutcome =
  | { kind: 'delivered'; status: number }
  /** 404/410: the subscription has expired or was revoked; delete it. */
  | { kind: 'gone'; status: number }
  /** 429, 5xx, network trouble: try again later (`retryAfterMs` when the service said). */
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  /** Any other answer (a bad request, a refused signature): trying again will not help. */
  | { kind: 'refused'; error: string };

/**
 * Sends one push (RFC 8030, aes128gcm, VAPID): `web-push` encrypts and signs, and the request is
 * made here so that it goes only to the checked endpoint, with no redirects, over a keep-alive
 * agent, within PUSH_TIMEOUT_MS.
 */
@Injectable()
export class PushSender implements OnApplicationShutdown {
  private readonly http = new OutboundHttp(64);

  constructor(
    private readonly config: AppConfig,
    private readonly vapid: VapidKeysService,
  ) {}

  get timeoutMs(): number {
    return this.config.push.timeoutMs;
  }

  onApplicationShutdown(): void {
    this.http.close();
  }

  async send(subscription: PushSubscriptionRow, message: PushMessage): Promise<SendOutcome> {
    const { push } = this.config;
    const refusal = endpointRefusal(subscription.endpoint, push.serviceHosts);
    if (refusal !== null) return { kind: 'refused', error: 'endpoint no longer allowed' };
    const keys = this.vapid.current;
    const details = webpush.generateRequestDetails(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      message.payload,
      {
        vapidDetails: { subject: push.vapidSubject, ...keys },
        TTL: message.ttlSeconds,
        urgency: 'high',
        topic: message.topic,
        contentEncoding: 'aes128gcm',
      },
    );
    try {
      const { status, retryAfter } = await this.post(details);
      if (status >= 200 && status < 300) return { kind: 'delivered', status };
      if (status === 404 || status === 410) return { kind: 'gone', status };
      if (status === 429 || status >= 500) {
        return { kind: 'retry', error: `HTTP ${status}`, retryAfterMs: retryAfterMs(retryAfter) };
      }
      return { kind: 'refused', error: `HTTP ${status}` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { kind: 'retry', error: code ?? (error as Error).message };
    }
  }

  private async post(
    details: webpush.RequestDetails,
  ): Promise<{ status: number; retryAfter?: string }> {
    const { status, headers } = await this.http.send(new URL(details.endpoint), {
      method: 'POST',
      headers: details.headers as Record<string, string | number>,
      body: details.body ?? undefined,
      timeoutMs: this.config.push.timeoutMs,
    });
    const retryAfter = headers['retry-after'];
    return { status, retryAfter };
  }
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (/^[0-9]+$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
