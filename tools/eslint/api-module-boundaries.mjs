// apps/api/src/<module>/… may reach another module only through its public surface, the
// module folder's index.ts. Inside a module any relative import is fine.
import { dirname, relative, resolve, sep } from 'node:path';

const API_SRC = resolve(import.meta.dirname, '../../apps/api/src');

/** The module folder a file belongs to, or undefined for files at the root of apps/api/src. */
function moduleOf(file) {
  const rel = relative(API_SRC, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const throughIndex = {
  meta: {
    type: 'problem',
    docs: { description: "Import another API module only through its folder's index.ts" },
    schema: [],
    messages: {
      internal:
        'Module "{{from}}" reaches into "{{to}}" ({{path}}): import it from "{{to}}/index" (its public surface) or export what you need there.',
    },
  },
  create(context) {
    const file = context.filename;
    if (relative(API_SRC, file).startsWith('..')) return {};
    const from = moduleOf(file) ?? '(root)';
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const to = moduleOf(target + '/x');
      if (to === undefined || to === from) return;
      const rest = relative(resolve(API_SRC, to), target);
      if (rest === '' || rest === 'index' || rest === 'index.ts') return;
      context.report({
        node: node.source,
        messageId: 'internal',
        data: { from, to, path: source },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default { rules: { 'through-index': throughIndex } };
