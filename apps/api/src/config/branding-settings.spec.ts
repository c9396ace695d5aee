import { runServerToExit } from '../../test/support/server-process';
import { brandingSettings } from './branding-settings';
import { ConfigError } from './env';

describe('brandingSettings', () => {
  it('is all unset by default (the built-in look)', () => {
    expect(brandingSettings({})).toEqual({
      name: undefined,
      logoUrl: undefined,
      faviconUrl: undefined,
      primaryColor: undefined,
      accentColor: undefined,
    });
  });

  it('reads every BRAND_* setting', () => {
    expect(
      brandingSettings({
        BRAND_NAME: 'Café De Zwaan',
        BRAND_LOGO_URL: 'https://cdn.example.org/zwaan.svg',
        BRAND_FAVICON_URL: '/brand/favicon.png',
        BRAND_PRIMARY_COLOR: '#7A1F5C',
        BRAND_ACCENT_COLOR: '#ffcc00',
      }),
    ).toEqual({
      name: 'Café De Zwaan',
      logoUrl: 'https://cdn.example.org/zwaan.svg',
      faviconUrl: '/brand/favicon.png',
      primaryColor: '#7a1f5c',
      accentColor: '#ffcc00',
    });
  });

  it.each([
    ['BRAND_PRIMARY_COLOR', 'red'],
    ['BRAND_PRIMARY_COLOR', '#fff'],
    ['BRAND_ACCENT_COLOR', '#12345g'],
    ['BRAND_ACCENT_COLOR', '123456'],
    ['BRAND_LOGO_URL', 'javascript:alert(1)'],
    ['BRAND_LOGO_URL', '//evil.example/x.png'],
    ['BRAND_FAVICON_URL', 'https://x.example/a b.png'],
    ['BRAND_NAME', 'x'.repeat(61)],
    ['BRAND_NAME', '<script>'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => brandingSettings({ [name]: value })).toThrow(ConfigError);
    expect(() => brandingSettings({ [name]: value })).toThrow(new RegExp(`^${name} must`));
  });

  it('stops the start with a message naming the variable', async () => {
    const { code, output } = await runServerToExit({ BRAND_PRIMARY_COLOR: 'blue' });
    expect(code).toBe(1);
    expect(output).toMatch(/Configuration error: BRAND_PRIMARY_COLOR must be a colour like #/);
  });
});
