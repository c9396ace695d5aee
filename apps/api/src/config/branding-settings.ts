import { isHexColor } from '@hubble/contracts';
import { ConfigError, type Env, optional } from './env';

/** The café's own look (BRAND_*); every field undefined when unset: the built-in look. */
export interface BrandingSettings {
  readonly name: string | undefined;
  readonly logoUrl: string | undefined;
  readonly faviconUrl: string | undefined;
  readonly primaryColor: string | undefined;
  readonly accentColor: string | undefined;
}

const MAX_NAME_LENGTH = 60;

export function brandingSettings(env: Env): BrandingSettings {
  return {
    name: brandName(env),
    logoUrl: imageUrl(env, 'BRAND_LOGO_URL'),
    faviconUrl: imageUrl(env, 'BRAND_FAVICON_URL'),
    primaryColor: color(env, 'BRAND_PRIMARY_COLOR'),
    accentColor: color(env, 'BRAND_ACCENT_COLOR'),
  };
}

function brandName(env: Env): string | undefined {
  const name = optional(env, 'BRAND_NAME');
  if (name === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f<>]/.test(name)) {
    throw new ConfigError(
      `BRAND_NAME must be at most ${MAX_NAME_LENGTH} characters, without control characters or < >`,
    );
  }
  return name;
}

/** An http(s) URL, or a path on this server such as /brand/logo.svg. */
function imageUrl(env: Env, name: string): string | undefined {
  const url = optional(env, name);
  if (url === undefined) return undefined;
  const isPath = url.startsWith('/') && !url.startsWith('//');
  if (!isPath && (!/^https?:\/\/[^/]+/.test(url) || !URL.canParse(url))) {
    throw new ConfigError(
      `${name} must be an http(s) URL or a path starting with / (got "${url.slice(0, 80)}")`,
    );
  }
  if (/["'\s<>()\\]/.test(url)) {
    throw new ConfigError(`${name} must not contain quotes, spaces, brackets or backslashes`);
  }
  return url;
}

function color(env: Env, name: string): string | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  if (!isHexColor(value)) {
    throw new ConfigError(`${name} must be a colour like #1f5f8b (got "${value.slice(0, 20)}")`);
  }
  return value.toLowerCase();
}
