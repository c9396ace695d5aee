import type { Request, Response } from 'express';
import { ADMIN_SESSION_COOKIE } from '@hubble/contracts';

/** The value of one cookie in a Cookie header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionCookieValue(request: Request): string | undefined {
  return readCookie(request.headers.cookie, ADMIN_SESSION_COOKIE);
}

/** httpOnly, SameSite=Strict, Secure when the request came over https (directly or via proxy). */
export function setSessionCookie(
  request: Request,
  response: Response,
  sessionId: string,
  maxAgeMs: number,
): void {
  response.cookie(ADMIN_SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(ADMIN_SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/',
  });
}
