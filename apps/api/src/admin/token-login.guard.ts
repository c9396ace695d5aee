import { type CanActivate, ForbiddenException, Injectable } from '@nestjs/common';
import { AppConfig } from '../config';

/** Refuses the staff token and its login link when ADMIN_TOKEN_LOGIN=off. */
@Injectable()
export class TokenLoginGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (this.config.adminTokenLogin) return true;
    const provider = this.config.oidc?.providerName;
    throw new ForbiddenException(
      `Token login is switched off here${provider ? `; sign in with ${provider}` : ''}`,
    );
  }
}
