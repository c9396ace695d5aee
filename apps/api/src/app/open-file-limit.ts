import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface OpenFileLimit {
  soft: number;
  hard: number;
}

function readLimit(): OpenFileLimit | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('Max open files'));
    const [soft, hard] = (line?.match(/(\d+|unlimited)\s+(\d+|unlimited)/) ?? []).slice(1);
    if (!soft || !hard) return undefined;
    const value = (raw: string) => (raw === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(raw));
    return { soft: value(soft), hard: value(hard) };
  } catch {
    return undefined;
  }
}

/**
 * Raises the soft open-file limit to the hard one (every connection is a file). Node itself does
 * this at start on Linux; when something kept it lower, util-linux `prlimit` does it for this
 * process (Node has no setrlimit). Returns the limit in force, or undefined off Linux.
 */
export function raiseOpenFileLimit(): OpenFileLimit | undefined {
  const limit = readLimit();
  if (!limit || limit.soft >= limit.hard) return limit;
  try {
    execFileSync('prlimit', [`--pid=${process.pid}`, `--nofile=${limit.hard}:${limit.hard}`], {
      stdio: 'ignore',
      timeout: 5000,
    });
  } catch {
    // prlimit missing: keep the soft limit; the connection cap is derived from it.
  }
  return readLimit() ?? limit;
}
