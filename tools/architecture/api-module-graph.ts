// The import graph of apps/api/src: which file and which module folder imports which, and the
// cycles in it. Type-only imports count too: they tie no knot at run time, but two modules that
// name each other's types cannot be understood (or moved) one at a time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface ImportGraph {
  /** file (relative to the root) → files it imports at run time */
  readonly files: Map<string, Set<string>>;
  /** module folder → module folders it imports at run time ('(root)' for top-level files) */
  readonly modules: Map<string, Set<string>>;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function moduleOf(root: string, file: string): string {
  const parts = relative(root, file).split(sep);
  return parts.length > 1 ? parts[0] : '(root)';
}

export function readImportGraph(root: string): ImportGraph {
  const files = new Map<string, Set<string>>();
  const modules = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const key = relative(root, file);
    const imports = new Set<string>();
    files.set(key, imports);
    const from = moduleOf(root, file);
    if (!modules.has(from)) modules.set(from, new Set());
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[3]);
      if (!target || relative(root, target).startsWith('..')) continue;
      imports.add(relative(root, target));
      const to = moduleOf(root, target);
      if (to !== from) modules.get(from)?.add(to);
    }
  }
  return { files, modules };
}

/** Strongly connected components with more than one member, or a member importing itself. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
