import { type ChildProcess, spawn } from 'node:child_process';

/** Exit code the wrapper uses when `ulimit -n` is refused. */
const LIMIT_REFUSED = 97;

/**
 * Starts `node script …` with its open-file limit raised to `fdLimit` (each socket is a file
 * descriptor). When the system refuses, the child exits at once and `limitRefused` tells why.
 */
export function spawnWithFdLimit(
  script: string,
  args: string[],
  options: { fdLimit: number; env?: NodeJS.ProcessEnv; ipc?: boolean },
): ChildProcess {
  const wrapper =
    `ulimit -n ${options.fdLimit} 2>/dev/null || exit ${LIMIT_REFUSED}; ` + 'exec "$0" "$@"';
  return spawn(
    '/bin/sh',
    [
      '-c',
      wrapper,
      process.execPath,
      '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
      script,
      ...args,
    ],
    {
      env: options.env ?? process.env,
      stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    },
  );
}

export function limitRefused(code: number | null, fdLimit: number): string | undefined {
  if (code !== LIMIT_REFUSED) return undefined;
  return (
    `The system refused to raise the open-file limit to ${fdLimit} (ulimit -n). ` +
    `Raise the hard limit (ulimit -Hn, or LimitNOFILE / limits.conf) or run with fewer boards.`
  );
}
