import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';

/** Browser features none of our pages use; a page that gets injected cannot use them either. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'browsing-topics=()',
].join(', ');

/** Paths that are never framed: the back-office, its login link, the API. */
const NEVER_FRAMED = /^\/(admin|login|api)(\/|$)/;

/** A Host header fit to put in a CSP source (anything else just loses the explicit ws source). */
const SANE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Socket.IO's WebSocket on this origin. CSP Level 3 lets `'self'` cover ws:/wss: to the same
 * host, but older engines (Safari before 15.4) do not, so name it.
 */
function ownWebSocket(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  if (!SANE_HOST.test(host)) return "'self'";
  return `${(req as Request).secure ? 'wss' : 'ws'}://${host}`;
}

function policy(
  frameAncestors: readonly string[],
  imageOrigins: readonly string[],
): RequestHandler {
  const framed = !(frameAncestors.length === 1 && frameAncestors[0] === "'none'");
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Only our own files: no inline script, no eval (the builds emit none).
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Angular adds each component's styles as <style> elements at run time. A nonce would
        // make index.html differ per request, which the board's service worker (it checks
        // index.html against the hash in ngsw.json) would reject; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The café's logo and favicon may live on its own site (BRAND_LOGO_URL, …).
        imgSrc: ["'self'", 'data:', 'blob:', ...imageOrigins],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", (req) => ownWebSocket(req)],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [...frameAncestors],
      },
    },
    // X-Frame-Options for browsers without frame-ancestors; it cannot name other origins.
    xFrameOptions: framed ? false : { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only over https: see securityHeaders().
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  }) as RequestHandler;
}

/**
 * Security headers on every answer (helmet): a strict CSP, nosniff, Referrer-Policy,
 * Permissions-Policy, framing refused for the back-office and the API and limited to
 * FRAME_ANCESTORS for the board, and HSTS when the request came over https (directly, or per
 * the trusted proxy's X-Forwarded-Proto).
 */
export function securityHeaders(
  boardFrameAncestors: readonly string[],
  imageUrls: readonly (string | undefined)[] = [],
): RequestHandler {
  const imageOrigins = [
    ...new Set(
      imageUrls.flatMap((url) => (url && /^https?:\/\//.test(url) ? [new URL(url).origin] : [])),
    ),
  ];
  const board = policy(boardFrameAncestors, imageOrigins);
  const closed = policy(["'none'"], imageOrigins);
  const hsts = strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: false });
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    const headers = NEVER_FRAMED.test(req.path) ? closed : board;
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (!req.secure) return next();
      hsts(req as IncomingMessage, res as ServerResponse, next);
    });
  };
}
