import { chmod, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles the `keyhaven` command line into out/cli/keyhaven.js, the package's `bin` (run by
 * `npm run build` after electron-vite). One ESM file for Node 22 with a shebang: our code is bundled
 * (fewer files to resolve keeps a cold start short), dependencies stay in node_modules — keytar is
 * native and must be loaded from there.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = resolve(root, 'out/cli/keyhaven.js');
const outfile = resolve(root, 'out/cli/keyhaven-main.js');
const { version } = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string };

await build({
  entryPoints: [resolve(root, 'electron/cli/index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  external: ['keytar'],
  define: { __KEYHAVEN_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
// The launcher turns on V8's compile cache before the bundle loads: a warm start then skips parsing
// and compiling it and its dependencies (measured by npm run bench), which is most of a cold start.
await writeFile(
  launcher,
  [
    '#!/usr/bin/env node',
    "import { enableCompileCache } from 'node:module';",
    'enableCompileCache?.();',
    "await import('./keyhaven-main.js');",
    '',
  ].join('\n'),
);
await chmod(launcher, 0o755);
