import type { Request, Response } from 'express';

/** The board is public and may be indexed; the back-office and the API are not for crawlers. */
const ROBOTS_TXT = [
  'User-agent: *',
  'Allow: /',
  'Disallow: /admin/',
  'Disallow: /api/',
  'Disallow: /login/',
  '',
].join('\n');

/** GET /robots.txt as text/plain (without it the board's single-page fallback answered HTML). */
export function robotsTxt(req: Request, res: Response, next: () => void): void {
  if (req.path !== '/robots.txt' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
  res.type('text/plain').setHeader('Cache-Control', 'public, max-age=3600');
  res.send(ROBOTS_TXT);
}
