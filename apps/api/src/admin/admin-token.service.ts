import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config';

const DEV_TOKEN_FILE = 'admin-dev-token';

/**
 * The staff token: ADMIN_TOKEN, or outside production a generated one kept in DATA_DIR (so a
 * development restart keeps the login link and the sessions).
 */
@Injectable()
export class AdminTokenService {
  readonly token: string;
  readonly generated: boolean;

  constructor(private readonly config: AppConfig) {
    this.generated = config.adminToken === undefined;
    this.token = config.adminToken ?? this.developmentToken();
  }

  /**
   * The path of the login link, to print at start — only in development with a generated token;
   * never in production or tests, and never for a configured ADMIN_TOKEN.
   */
  developmentLoginPath(): string | undefined {
    if (this.config.nodeEnv !== 'development' || !this.generated) return undefined;
    return `/login/${encodeURIComponent(this.token)}`;
  }

  private developmentToken(): string {
    const file = join(this.config.dataDir, DEV_TOKEN_FILE);
    if (existsSync(file)) {
      const saved = readFileSync(file, 'utf8').trim();
      if (saved.length >= 16) return saved;
    }
    const token = randomBytes(24).toString('base64url');
    mkdirSync(this.config.dataDir, { recursive: true });
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    return token;
  }
}
