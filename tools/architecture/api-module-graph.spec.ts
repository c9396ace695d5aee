import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { cycles, readImportGraph } from './api-module-graph.ts';

const API_SRC = resolve(import.meta.dirname, '../../apps/api/src');

describe('apps/api import graph', () => {
  const graph = readImportGraph(API_SRC);

  it('has no import cycle among files', () => {
    assert.deepEqual(cycles(graph.files), []);
  });

  it('has no import cycle among module folders', () => {
    assert.deepEqual(cycles(graph.modules), []);
  });
});

describe('the cycle detector', () => {
  const root = mkdtempSync(join(tmpdir(), 'hubble-graph-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('a/index.ts', "export { A } from './a';\n");
  write('a/a.ts', "import { B } from '../b';\nexport const A = B;\n");
  write('b/index.ts', "export { B } from './b';\n");
  write('c/c.ts', "import { A } from '../a/a';\nexport const C = A;\n");

  it('finds no cycle where there is none', () => {
    write('b/b.ts', 'export const B = 1;\n');
    assert.deepEqual(cycles(readImportGraph(root).modules), []);
    assert.deepEqual(cycles(readImportGraph(root).files), []);
  });

  it('finds a cycle between folders and between files, type-only imports included', () => {
    write('b/b.ts', "import type { A } from '../a';\nexport const B = 1;\nexport type X = A;\n");
    const graph = readImportGraph(root);
    assert.deepEqual(cycles(graph.modules), [['a', 'b']]);
    assert.equal(cycles(graph.files).length, 1);
  });
});
