import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { waitUntil } from './wait-until';

const NGINX = '/usr/sbin/nginx';
/** The production configuration from the README; the tests run it with loopback ports. */
const SITE = join(import.meta.dirname, '../../../../deploy/nginx-hubble.conf');

export function nginxAvailable(): boolean {
  return spawnSync(NGINX, ['-v']).status === 0;
}

/** A real nginx (Debian's) on a loopback port, in front of the given instance ports. */
export class NginxProxy {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static async start(upstreamPorts: number[]): Promise<NginxProxy> {
    const dir = mkdtempSync(join(tmpdir(), 'hubble-nginx-'));
    mkdirSync(join(dir, 'logs'));
    const port = await freePort();
    const site = readFileSync(SITE, 'utf8')
      .replace(/^\s*server 127\.0\.0\.1:300\d .*\n/gm, '')
      .replace(
        'keepalive 32;',
        upstreamPorts
          .map((upstream) => `server 127.0.0.1:${upstream} max_fails=1 fail_timeout=2s;`)
          .concat('keepalive 32;')
          .join('\n    '),
      )
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('/var/log/nginx/hubble.access.log', join(dir, 'logs/access.log'));
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'logs/error.log')} warn;`,
        'events { worker_connections 4096; }',
        'http {',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (kind) => `${kind}_temp_path ${join(dir, kind)};`,
        ),
        site,
        '}',
      ].join('\n'),
    );
    const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
        return fetch(url).then(
          () => true,
          () => false,
        );
      },
      10_000,
      'nginx to listen',
    );
    return new NginxProxy(child, dir, url);
  }

  accessLog(): string {
    return readFileSync(join(this.dir, 'logs/access.log'), 'utf8');
  }

  /** nginx's own warnings and errors (e.g. an upstream marked failed), to explain a 5xx. */
  errorLog(): string {
    return readFileSync(join(this.dir, 'logs/error.log'), 'utf8');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
