import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const LAUNCHER = join(import.meta.dirname, 'provider-launcher.mjs');

export const STAFF_GROUP = 'hubble-staff-group-id';

/** Accounts of the test provider: id → claims (any password works on its sign-in page). */
export const TEST_ACCOUNTS = {
  ada: { name: 'Ada Lovelace', email: 'ada@hubble.test', groups: ['everyone', STAFF_GROUP] },
  bob: { name: 'Bob Outsider', email: 'bob@hubble.test', groups: ['everyone'] },
  // Entra ID's group overage: too many groups, so the token points elsewhere instead.
  many: { name: 'Meni Groups', email: 'many@hubble.test', hasgroups: true },
} as const;

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/** A real OpenID provider (oidc-provider) in a child process on loopback. */
export class TestProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    readonly client: TestClient,
    private readonly output: () => string,
  ) {}

  static async start(publicUrl: string): Promise<TestProvider> {
    const client: TestClient = {
      clientId: 'hubble-desk',
      clientSecret: `client-secret-${crypto.randomUUID()}`,
      redirectUri: `${publicUrl}/auth/oidc/callback`,
      postLogoutRedirectUri: `${publicUrl}/admin/`,
    };
    const spec = {
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [client.redirectUri],
          post_logout_redirect_uris: [client.postLogoutRedirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      accounts: TEST_ACCOUNTS,
    };
    const child = spawn(process.execPath, [LAUNCHER, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    const issuer = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /\{"issuer":"([^"]+)"\}/.exec(output);
        if (match) resolve(match[1]);
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`Provider exited (${code}):\n${output}`)));
      timer = setTimeout(
        () => reject(new Error(`Provider did not start in 60 s:\n${output}`)),
        60_000,
      );
    }).finally(() => clearTimeout(timer));
    return new TestProvider(child, issuer, client, () => output);
  }

  /** OIDC_* settings pointing the API at this provider. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      OIDC_ISSUER: this.issuer,
      OIDC_CLIENT_ID: this.client.clientId,
      OIDC_CLIENT_SECRET: this.client.clientSecret,
      OIDC_REDIRECT_URI: this.client.redirectUri,
      OIDC_PROVIDER_NAME: 'Hubble Test ID',
      OIDC_ALLOWED_GROUPS: STAFF_GROUP,
      ...extra,
    };
  }

  /** The next token response carries an ID token with these claims changed (re-signed). */
  async tamperNextIdToken(claims: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.issuer}/__test/tamper`, {
      method: 'POST',
      body: JSON.stringify(claims),
    });
    if (response.status !== 204) throw new Error(`tamper: ${response.status}`);
  }

  get logs(): string {
    return this.output();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
