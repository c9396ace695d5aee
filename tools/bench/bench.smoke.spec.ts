// Keeps the benchmark from rotting: a few seconds with small numbers against the built product.
// It checks correctness (nothing lost or missed; the run exits 0), never speed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Figure } from './report.ts';

/** Runs the bench with `args` and `--out`; asserts it exited 0; returns its output and figures. */
function runBench(args: string[]): { stdout: string; figures: Figure[]; problems: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hubble-bench-smoke-'));
  try {
    const out = join(dir, 'figures.json');
    const run = spawnSync(
      process.execPath,
      [
        '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
        join(import.meta.dirname, 'main.ts'),
        ...args,
        '--out',
        out,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(run.status, 0, `bench exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
    const { figures, problems } = JSON.parse(readFileSync(out, 'utf8')) as {
      figures: Figure[];
      problems: string[];
    };
    return { stdout: run.stdout, figures, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run bench -- --smoke', () => {
  it('runs every phase and finds nothing lost or missed', () => {
    const { figures, problems } = runBench(['--smoke']);
    assert.deepEqual(problems, []);
    const value = (id: string, name: string) =>
      figures.find((f) => f.id === id && f.name.startsWith(name))?.value;
    assert.equal(value('P1', 'events missed'), 0);
    assert.equal(value('P2', 'events missed'), 0);
    assert.equal(value('P3', 'acknowledged, then lost'), 0);
    assert.ok((value('P3', 'webhooks/s') ?? 0) > 0);
    assert.equal(value('P4', 'errors'), 0);
    assert.ok((value('P5', 'board initial JS') ?? 0) > 0);
    assert.ok((value('P6', 'insights, 30 days') ?? 0) > 0);
    assert.equal(value('P7', 'push: delivered exactly once'), 20);
  });

  it('--versus self runs the floor in both places, without Aurora, and prints the ratios', () => {
    const { stdout, figures, problems } = runBench([
      '--smoke',
      '--versus',
      'self',
      '--only',
      'boards',
    ]);
    assert.match(stdout, /The floor server versus itself/);
    assert.deepEqual(problems, []);
    const ids = new Set(figures.map((f) => f.id));
    assert.ok(ids.has('P1') && ids.has('floor P1'), [...ids].join());
    assert.ok(!figures.some((f) => f.name.startsWith('Aurora')));
  });
});
