import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Exit code the wrapper uses when `ulimit -n` is refused. */
const LIMIT_REFUSED = 97;

/**
 * Starts `node script …` with its open-file limit raised to `fdLimit` (each socket is a file
 * descriptor). When the system refuses, the child exits at once and `limitRefused` tells why.
 */
export function spawnWithFdLimit(
  script: string,
  args: string[],
  options: {
    fdLimit: number;
    env?: NodeJS.ProcessEnv;
    ipc?: boolean;
    /** A file descriptor for the child's stdout and stderr instead of pipes to this process. */
    output?: number;
  },
): ChildProcess {
  const output = options.output ?? 'pipe';
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
      stdio: options.ipc ? ['ignore', output, output, 'ipc'] : ['ignore', output, output],
    },
  );
}

/** The hard open-file limit of this process (inherited by its children), or undefined. */
export function hardFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('Max open files'));
    const hard = line?.match(/(\d+|unlimited)\s+(\d+|unlimited)/)?.[2];
    if (!hard) return undefined;
    return hard === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(hard);
  } catch {
    return undefined;
  }
}

export function limitRefused(code: number | null, fdLimit: number): string | undefined {
  if (code !== LIMIT_REFUSED) return undefined;
  return (
    `The system refused to raise the open-file limit to ${fdLimit} (ulimit -n). ` +
    `Raise the hard limit (ulimit -Hn, or LimitNOFILE / limits.conf) or run with fewer boards.`
  );
}
