// Angular templates here are plain `*.html` (no `.component.html` suffix), which Prettier would
// format with its HTML parser and mangle `@if`/`@for` blocks. This adds the Angular parser on top
// of the workspace settings; Prettier does not merge nested configs, so the root one is read here.
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync(new URL('../../.prettierrc.json', import.meta.url), 'utf8'));

export default {
  ...root,
  overrides: [...(root.overrides ?? []), { files: '*.html', options: { parser: 'angular' } }],
};
