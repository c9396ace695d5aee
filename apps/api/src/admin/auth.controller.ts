import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ADMIN_ROUTES, type AdminSessionDto } from '@hubble/contracts';
import { AdminSessionGuard, type RequestWithSession, sessionOf } from './admin-session.guard';
import { AdminSessionsService, SESSION_LIFETIME_MS } from './admin-sessions.service';
import { AuditService } from './audit.service';
import { clientAddress } from '../common';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { LoginLimiter } from './login-limiter';
import { isDirectOrSameOrigin, SameOriginGuard } from './same-origin.guard';
import { TokenLoginGuard } from './token-login.guard';

const DESK_PATH = '/admin/';

/** Staff login (token or bookmarkable link), logout, and "who am I". */
@Controller()
export class AuthController {
  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly refusals: LoginLimiter,
    private readonly audit: AuditService,
  ) {}

  @Post(ADMIN_ROUTES.login)
  @HttpCode(HttpStatus.OK)
  @UseGuards(SameOriginGuard, TokenLoginGuard)
  async login(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdminSessionDto> {
    const address = clientAddress(request);
    await this.refuseWhileBlocked(address, response);
    const token = (body as { token?: unknown } | undefined)?.token;
    if (!this.sessions.tokenMatches(token)) {
      await this.refusals.recordWrongToken(address);
      throw new UnauthorizedException('Wrong token');
    }
    return this.openSession(request, response);
  }

  /** The login link staff bookmark on the kitchen tablet: logs in and opens the desk. */
  @Get(`${ADMIN_ROUTES.loginLink}/:token`)
  @UseGuards(TokenLoginGuard)
  async loginLink(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The token is in this URL: keep it out of caches and out of the next page's Referer.
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    // Any page can make a browser fetch this URL (an <img>, a link): from another site it is
    // neither tried nor counted, so outsiders can neither guess through it nor lock staff out.
    if (!isDirectOrSameOrigin(request)) {
      response.redirect(302, `${DESK_PATH}?login=cross-site`);
      return;
    }
    const address = clientAddress(request);
    if ((await this.refusals.retryAfterSeconds(address)) > 0) {
      response.redirect(302, `${DESK_PATH}?login=blocked`);
      return;
    }
    if (!this.sessions.tokenMatches(token)) {
      await this.refusals.recordWrongToken(address);
      response.redirect(302, `${DESK_PATH}?login=invalid-link`);
      return;
    }
    await this.openSession(request, response);
    response.redirect(302, DESK_PATH);
  }

  @Post(ADMIN_ROUTES.logout)
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(SameOriginGuard, AdminSessionGuard)
  async logout(
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const session = sessionOf(request);
    await this.sessions.revoke(session);
    clearSessionCookie(request, response);
    await this.audit.record('logout', null, session);
  }

  @Get(ADMIN_ROUTES.session)
  @UseGuards(AdminSessionGuard)
  session(@Req() request: RequestWithSession): AdminSessionDto {
    return AdminSessionsService.toDto(sessionOf(request));
  }

  private async openSession(request: Request, response: Response): Promise<AdminSessionDto> {
    const { id, session } = await this.sessions.open(request.headers['user-agent']);
    setSessionCookie(request, response, id, SESSION_LIFETIME_MS);
    await this.audit.record('login', null, session);
    return AdminSessionsService.toDto(session);
  }

  private async refuseWhileBlocked(address: string, response: Response): Promise<void> {
    const seconds = await this.refusals.retryAfterSeconds(address);
    if (seconds <= 0) return;
    response.setHeader('Retry-After', String(seconds));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: `Too many wrong tokens from this address; try again in ${seconds} s`,
        error: 'Too Many Requests',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
