import { redactUrl } from './redaction';

describe('redactUrl', () => {
  it('hides the token of the login link, and only that', () => {
    expect(redactUrl('/login/s3cret-token')).toBe('/login/[redacted]');
    expect(redactUrl('/login/s3cret?x=1')).toBe('/login/[redacted]?x=1');
    expect(redactUrl('/api/orders')).toBe('/api/orders');
    expect(redactUrl('/admin/login/x')).toBe('/admin/login/x');
    expect(redactUrl(undefined)).toBeUndefined();
  });

  it('hides it in every spelling of the path: casing, doubled slashes, escapes', () => {
    for (const url of [
      '/LOGIN/s3cret',
      '/Login/s3cret',
      '//login/s3cret',
      '///lOgIn//s3cret',
      '/%6Cogin/s3cret',
      '/login%2Fs3cret',
      '/login\\s3cret',
    ]) {
      expect(redactUrl(url)).toBe('/login/[redacted]');
    }
    expect(redactUrl('/Login/s3cret?x=1')).toBe('/login/[redacted]?x=1');
    expect(redactUrl('/loginpage')).toBe('/loginpage');
  });

  it('hides the query of the sign-in callback (code, state)', () => {
    expect(redactUrl('/auth/oidc/callback?code=abc&state=def')).toBe(
      '/auth/oidc/callback?[redacted]',
    );
    expect(redactUrl('/auth/oidc/callback')).toBe('/auth/oidc/callback');
    expect(redactUrl('/auth/oidc/login')).toBe('/auth/oidc/login');
  });
});
