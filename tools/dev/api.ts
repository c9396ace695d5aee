// `nx serve api`: webpack rebuilds the API on every change and Node restarts it on every
// rebuild. The first start waits for the first build, so Node never starts a missing file.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'dist/apps/api/main.js');
const children: ChildProcess[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${command} exited (${code ?? 'signal'}); stopping the dev server`);
      stop(1);
    }
  });
  return child;
}

let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

rmSync(main, { force: true });
const webpack = run(
  process.execPath,
  [
    join(root, 'node_modules/webpack-cli/bin/cli.js'),
    'build',
    '--watch',
    '--config',
    'apps/api/webpack.config.js',
  ],
  { NODE_ENV: 'development' },
);
let api: ChildProcess | undefined;
webpack.stdout?.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (api || !existsSync(main) || !/compiled/i.test(chunk.toString())) return;
  api = run(process.execPath, [
    '--enable-source-maps',
    `--watch-path=${join(root, 'dist/apps/api')}`,
    main,
  ]);
  api.stdout?.pipe(process.stdout);
});
