import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { type AdminSession, AdminSessionsService } from './admin-sessions.service';
import { sessionCookieValue } from './cookies';

export type RequestWithSession = Request & { adminSession?: AdminSession };

/** Lets a request through only with a valid staff session cookie; 401 otherwise. */
@Injectable()
export class AdminSessionGuard implements CanActivate {
  constructor(private readonly sessions: AdminSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const session = await this.sessions.find(sessionCookieValue(request));
    if (!session) throw new UnauthorizedException('Log in to the back-office first');
    request.adminSession = session;
    return true;
  }
}

/** The session a guarded handler runs for. */
export function sessionOf(request: RequestWithSession): AdminSession {
  if (!request.adminSession) throw new UnauthorizedException('Log in to the back-office first');
  return request.adminSession;
}
