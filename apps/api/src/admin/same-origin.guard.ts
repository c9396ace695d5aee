import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site requests that change state (CSRF), on top of the SameSite=Strict cookie.
 * Browsers send `Sec-Fetch-Site`; older ones at least `Origin` on a cross-origin POST. A request
 * with neither is not from a browser page, so it cannot carry a victim's cookie by accident.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || isSameOrigin(request, this.config.publicUrl)) {
      return true;
    }
    throw new ForbiddenException('Cross-site request refused');
  }
}

/** Whether a request (or a WebSocket handshake, by its headers) comes from our own pages. */
export function isSameOrigin(
  request: Pick<Request, 'headers'> & { protocol?: string },
  publicUrl: string | undefined,
): boolean {
  const fetchSite = header(request.headers['sec-fetch-site']);
  if (fetchSite !== undefined) return fetchSite === 'same-origin' || fetchSite === 'none';
  const origin = header(request.headers['origin']);
  if (origin === undefined) return true;
  const host = header(request.headers['x-forwarded-host']) ?? header(request.headers['host']);
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(publicUrl);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

/**
 * Whether the browser marks the request as typed, bookmarked or from our own pages
 * (`Sec-Fetch-Site: none` / `same-origin`). Without the header it is not a current browser
 * (curl, a kiosk script): nothing can have made it fetch the URL for someone else's page.
 */
export function isDirectOrSameOrigin(request: Pick<Request, 'headers'>): boolean {
  const fetchSite = header(request.headers['sec-fetch-site']);
  return fetchSite === undefined || fetchSite === 'none' || fetchSite === 'same-origin';
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
