import { DEFAULT_PUSH_SERVICE_HOSTS } from '../config';
import { endpointForLog, endpointRefusal } from './push-endpoint-policy';

describe('endpointRefusal', () => {
  const hosts = [...DEFAULT_PUSH_SERVICE_HOSTS, '127.0.0.1:9000'];

  it.each([
    'https://fcm.googleapis.com/fcm/send/abc',
    'https://updates.push.services.mozilla.com/wpush/v2/abc',
    'https://web.push.apple.com/QGx',
    'https://wns2-db5p.notify.windows.com/w/?token=abc',
    'http://127.0.0.1:9000/push/abc',
  ])('accepts %s', (endpoint) => {
    expect(endpointRefusal(endpoint, hosts)).toBeNull();
  });

  it.each([
    'https://notify.windows.com/w/',
    'https://evilnotify.windows.com/w/',
    'https://fcm.googleapis.com.evil.example/x',
    'https://10.0.0.1/x',
    'https://169.254.169.254/x',
    'https://[fe80::1]/x',
    'http://fcm.googleapis.com/x',
    'https://fcm.googleapis.com:444/x',
    'http://127.0.0.1:9001/x',
    'http://localhost:9000/x',
    'https://a:b@fcm.googleapis.com/x',
    'ftp://fcm.googleapis.com/x',
  ])('refuses %s', (endpoint) => {
    expect(endpointRefusal(endpoint, hosts)).toMatch(/endpoint/);
  });

  it('logs only the host of an endpoint', () => {
    expect(endpointForLog('https://fcm.googleapis.com/fcm/send/secret-token')).toBe(
      'fcm.googleapis.com/…',
    );
  });
});
