import webpush from 'web-push';
import { DEFAULT_PUSH_SERVICE_HOSTS, pushSettings } from './push-settings';

describe('pushSettings', () => {
  it("defaults to the browsers' push services and generated VAPID keys", () => {
    const settings = pushSettings({});
    expect(settings.serviceHosts).toEqual(DEFAULT_PUSH_SERVICE_HOSTS);
    expect(settings.vapidKeys).toBeUndefined();
    expect(settings.vapidSubject).toMatch(/^mailto:/);
  });

  it('requires VAPID_SUBJECT in production, as a mailto: or https: contact', () => {
    expect(() => pushSettings({ NODE_ENV: 'production' })).toThrow(/^VAPID_SUBJECT is required/);
    expect(() => pushSettings({ VAPID_SUBJECT: 'ops@example.org' })).toThrow(/^VAPID_SUBJECT/);
    expect(pushSettings({ VAPID_SUBJECT: 'https://cafe.example' }).vapidSubject).toBe(
      'https://cafe.example',
    );
  });

  it('takes a configured VAPID pair only whole and well-formed, and never echoes it', () => {
    const keys = webpush.generateVAPIDKeys();
    expect(
      pushSettings({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey })
        .vapidKeys,
    ).toEqual(keys);
    expect(() => pushSettings({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/set together/);
    const bad = () =>
      pushSettings({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: 'short-secret' });
    expect(bad).toThrow(/^VAPID_PRIVATE_KEY must be/);
    expect(bad).not.toThrow(/short-secret/);
  });

  it('reads PUSH_SERVICE_HOSTS as a list of host names', () => {
    expect(
      pushSettings({ PUSH_SERVICE_HOSTS: 'FCM.googleapis.com, 127.0.0.1:8080' }).serviceHosts,
    ).toEqual(['fcm.googleapis.com', '127.0.0.1:8080']);
    expect(() => pushSettings({ PUSH_SERVICE_HOSTS: 'https://x.example/' })).toThrow(
      /^PUSH_SERVICE_HOSTS/,
    );
  });
});
