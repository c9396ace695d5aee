/**
 * A browser's part of an OpenID Connect sign-in, over plain HTTP: it keeps cookies per host,
 * follows redirects by hand, and fills in the test provider's development sign-in page.
 */
export class SignInBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(readonly appUrl: string) {}

  /** GET (or POST a form) with this browser's cookies for the host; no redirect following. */
  async request(url: string | URL, form?: Record<string, string>): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jars.get(target.host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    const response = await fetch(target, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        ...(cookies && { cookie: cookies }),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
        'sec-fetch-site': 'same-origin',
      },
      body: form && new URLSearchParams(form).toString(),
    });
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(target.host, jar);
    return response;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  /** Our /auth/oidc/login: returns the provider URL it redirects to. */
  async startSignIn(): Promise<URL> {
    const response = await this.request(`${this.appUrl}/auth/oidc/login`);
    if (response.status !== 302) {
      throw new Error(`login answered ${response.status}: ${await response.text()}`);
    }
    return new URL(response.headers.get('location') ?? '');
  }

  /** Signs in as `login` on the provider's page; returns the callback URL it sends us back to. */
  async signInAtProvider(authorizationUrl: URL, login: string): Promise<string> {
    let location = await this.follow(authorizationUrl);
    if (new URL(location).pathname.startsWith('/interaction/')) {
      const page = await this.request(location);
      if (page.status !== 200) throw new Error(`interaction page ${page.status}`);
      await page.text();
      const submitted = await this.request(location, { prompt: 'login', login, password: 'x' });
      location = await this.follow(new URL(submitted.headers.get('location') ?? '', location));
    }
    if (!location.startsWith(`${this.appUrl}/auth/oidc/callback`)) {
      throw new Error(`Expected the callback, got ${location}`);
    }
    return location;
  }

  /** The whole sign-in; returns our callback's response. */
  async signIn(login: string): Promise<Response> {
    const callback = await this.signInAtProvider(await this.startSignIn(), login);
    return this.request(callback);
  }

  /** Follows the provider's redirects until they leave it (or reach an interaction page). */
  private async follow(start: URL): Promise<string> {
    let url = start;
    for (let hop = 0; hop < 10; hop++) {
      if (url.href.startsWith(this.appUrl)) return url.href;
      if (url.pathname.startsWith('/interaction/')) return url.href;
      const response = await this.request(url);
      await response.text();
      const next = response.headers.get('location');
      if (!next) throw new Error(`Provider answered ${response.status} at ${url.pathname}`);
      url = new URL(next, url);
    }
    throw new Error('Too many redirects');
  }
}
