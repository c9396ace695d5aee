// A real OpenID provider (oidc-provider, ESM-only) for the test suites, run as a child process:
// `node provider-launcher.mjs '<spec JSON>'`. It listens on 127.0.0.1 (port 0) and prints one
// line `{"issuer": "http://127.0.0.1:<port>"}` once it answers.
//
// Spec: { clients: ClientMetadata[], accounts: { [id]: claims }, idTokenTtlSeconds? }.
// Accounts sign in on the provider's own development pages (any password). Consent is granted
// automatically (a first-party client). `POST /__test/tamper {claims}` makes the next token
// response carry an ID token with those claims changed, re-signed with the provider's own key:
// how a broken or hostile provider would answer (wrong issuer, audience, nonce, expiry).
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const spec = JSON.parse(process.argv[2] ?? '{}');
const accounts = spec.accounts ?? {};
const kid = randomUUID();
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
let tamper;

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: spec.clients ?? [],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomUUID()] },
  findAccount: (_ctx, id) =>
    accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined,
  claims: {
    openid: ['sub'],
    profile: ['name', 'groups', 'hasgroups'],
    email: ['email', 'email_verified'],
  },
  // Like Entra ID: the profile and group claims ride in the ID token itself.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  ttl: { IdToken: spec.idTokenTtlSeconds ?? 3600 },
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email');
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && tamper && ctx.body?.id_token) {
    ctx.body = { ...ctx.body, id_token: resign(ctx.body.id_token, tamper) };
    tamper = undefined;
  }
});

const callback = provider.callback();
server.on('request', (req, res) => {
  if (req.method === 'POST' && req.url === '/__test/tamper') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      tamper = JSON.parse(body);
      res.writeHead(204).end();
    });
    return;
  }
  callback(req, res);
});

function resign(idToken, changes) {
  const [header, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...changes };
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey, 'base64url');
  return `${input}.${signature}`;
}

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
