// The stand-in must answer as a real push service does, or tests against it prove nothing:
// checked here against web-push (an independent sender implementation). Run by `nx test tools`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import webpush from 'web-push';
import { PushServiceStandIn } from './push-service-stand-in.ts';

describe('push service stand-in', () => {
  let standIn: PushServiceStandIn;
  const vapid = webpush.generateVAPIDKeys();
  const subject = 'mailto:ops@example.org';

  const send = async (
    subscription: ReturnType<PushServiceStandIn['subscribe']>,
    options: {
      keys?: { publicKey: string; privateKey: string };
      audience?: string;
      ttl?: number;
    } = {},
  ) => {
    const keys = options.keys ?? vapid;
    const details = webpush.generateRequestDetails(subscription, 'hello 42', {
      TTL: options.ttl ?? 60,
      urgency: 'high',
      topic: 'order-42',
      vapidDetails: { subject, ...keys },
    });
    if (options.audience) {
      const headers = webpush.getVapidHeaders(
        options.audience,
        subject,
        keys.publicKey,
        keys.privateKey,
        'aes128gcm',
      );
      Object.assign(details.headers, headers);
    }
    const response = await fetch(details.endpoint, {
      method: 'POST',
      headers: details.headers as Record<string, string>,
      body: details.body,
    });
    return response.status;
  };

  before(async () => {
    standIn = await PushServiceStandIn.start();
  });
  after(() => standIn.stop());

  it('accepts a correctly signed, encrypted push with 201 and decrypts it', async () => {
    const subscription = standIn.subscribe(vapid.publicKey);
    assert.equal(await send(subscription), 201);
    const [push] = standIn.delivered(subscription.id);
    assert.equal(push.payload, 'hello 42');
    assert.equal(push.ttl, 60);
    assert.equal(push.urgency, 'high');
    assert.equal(push.topic, 'order-42');
    assert.equal(push.claims?.aud, standIn.origin);
    assert.equal(push.claims?.sub, subject);
  });

  it('refuses a JWT for another audience (401) and another key than subscribed with (403)', async () => {
    const subscription = standIn.subscribe(vapid.publicKey);
    assert.equal(await send(subscription, { audience: 'https://fcm.googleapis.com' }), 401);
    assert.equal(await send(subscription, { keys: webpush.generateVAPIDKeys() }), 403);
    assert.equal(standIn.delivered(subscription.id).length, 0);
  });

  it('refuses a signature that is not made with the key in k (401)', async () => {
    const subscription = standIn.subscribe();
    const other = webpush.generateVAPIDKeys();
    const details = webpush.generateRequestDetails(subscription, 'x', {
      TTL: 10,
      vapidDetails: { subject, ...vapid },
    });
    const headers = details.headers as Record<string, string>;
    headers['Authorization'] = headers['Authorization'].replace(/k=.*$/, `k=${other.publicKey}`);
    const response = await fetch(details.endpoint, { method: 'POST', headers, body: details.body });
    assert.equal(response.status, 401);
  });

  it('answers 410 for an expired subscription, 404 for an unknown one, and fails on request', async () => {
    const subscription = standIn.subscribe();
    standIn.failNext(subscription.id, 503);
    assert.equal(await send(subscription), 503);
    assert.equal(await send(subscription), 201);
    standIn.expire(subscription.id);
    assert.equal(await send(subscription), 410);
    const unknown = {
      ...subscription,
      endpoint: `${standIn.origin}/push/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
    };
    assert.equal(await send(unknown), 404);
  });
});
