import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ADMIN_ROUTES, type AuthOptionsDto } from '@hubble/contracts';
import { AppConfig } from '../../config';
import { AdminSessionsService, SESSION_LIFETIME_MS } from '../admin-sessions.service';
import { AuditService } from '../audit.service';
import { readCookie, setSessionCookie } from '../cookies';
import { OidcClient } from './oidc-client';
import { PendingSignIns, SIGN_IN_LIFETIME_MS } from './pending-sign-ins';
import { sendSignInProblem } from './sign-in-page';
import { signInProblem } from './sign-in-problem';
import { staffVerdict } from './staff-identity';

const DESK_PATH = '/admin/';
/** Holds the browser's half of a sign-in in progress; Lax, so it comes back from the provider. */
const FLOW_COOKIE = 'hubble_oidc';
const FLOW_COOKIE_PATH = '/auth/oidc';

/**
 * Staff sign-in with the OpenID provider, as plain redirects (a link, never a form post, so a
 * strict `form-action` policy does not stand in the way): login → provider → callback → desk.
 */
@Controller()
export class OidcController {
  private readonly logger = new Logger('StaffSignIn');

  constructor(
    private readonly config: AppConfig,
    private readonly client: OidcClient,
    private readonly pending: PendingSignIns,
    private readonly sessions: AdminSessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get(ADMIN_ROUTES.authOptions)
  options(): AuthOptionsDto {
    const oidc = this.config.oidc;
    return {
      tokenLogin: this.config.adminTokenLogin,
      oidc: oidc ? { providerName: oidc.providerName } : null,
    };
  }

  @Get(ADMIN_ROUTES.oidcLogin)
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.config.oidc) return this.notConfigured(response);
    let url: URL;
    try {
      const started = await this.client.startSignIn();
      url = started.url;
      const flowId = await this.pending.begin(started.checks);
      response.cookie(FLOW_COOKIE, flowId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.secure,
        path: FLOW_COOKIE_PATH,
        maxAge: SIGN_IN_LIFETIME_MS,
      });
    } catch (error) {
      return this.refuse(response, signInProblem(error, this.config.oidc.providerName));
    }
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, url.href);
  }

  @Get(ADMIN_ROUTES.oidcCallback)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const settings = this.config.oidc;
    if (!settings) return this.notConfigured(response);
    response.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    const state = new URLSearchParams(query).get('state');
    if (!state) {
      return this.refuse(response, {
        status: 400,
        title: 'Sign-in link incomplete',
        message: 'This address has no sign-in state. Start again from the login screen.',
        reason: 'callback without state',
      });
    }
    const checks = await this.pending.take(readCookie(request.headers.cookie, FLOW_COOKIE));
    if (!checks) {
      return this.refuse(response, {
        status: 400,
        title: 'Sign-in expired or already used',
        message:
          'No sign-in is waiting in this browser: it was finished already, took longer than 10 minutes, or started in another browser. Start again from the login screen.',
        reason: 'callback without a pending sign-in (replayed, expired or other browser)',
      });
    }
    if (state !== checks.state) {
      return this.refuse(response, {
        status: 400,
        title: 'Sign-in does not match',
        message:
          'This sign-in answer belongs to another sign-in than the one this browser started. Start again from the login screen.',
        reason: 'callback state does not match the pending sign-in',
      });
    }
    let verdict;
    try {
      verdict = staffVerdict(await this.client.finishSignIn(query, checks), settings);
    } catch (error) {
      return this.refuse(response, signInProblem(error, settings.providerName));
    }
    if (!verdict.allowed) {
      return this.refuse(response, {
        status: 403,
        title: verdict.title,
        message: verdict.message,
        reason: `${verdict.title} (${verdict.name})`,
      });
    }
    const { id, session } = await this.sessions.open(request.headers['user-agent'], {
      label: verdict.label,
    });
    setSessionCookie(request, response, id, SESSION_LIFETIME_MS);
    await this.audit.record('login', null, session);
    this.logger.log(`Signed in: ${verdict.name}`);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, DESK_PATH);
  }

  /** After POST /api/auth/logout: ends the provider's session too, when it offers that. */
  @Get(ADMIN_ROUTES.oidcLogout)
  async logout(@Res() response: Response): Promise<void> {
    const settings = this.config.oidc;
    const back = settings ? new URL(DESK_PATH, settings.redirectUri).href : DESK_PATH;
    const endSession = settings && (await this.client.endSessionUrl(back));
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, endSession?.href ?? DESK_PATH);
  }

  private refuse(
    response: Response,
    problem: { status: number; title: string; message: string; reason: string },
  ): void {
    this.logger.warn(`Sign-in refused: ${problem.reason}`);
    sendSignInProblem(response, problem.status, problem.title, problem.message);
  }

  private notConfigured(response: Response): void {
    sendSignInProblem(
      response,
      404,
      'No sign-in provider',
      'Signing in with an OpenID provider is not configured on this server.',
    );
  }
}
