import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundles the `keyhaven` command line into out/cli/keyhaven.js, the package's `bin` (run by
 * `npm run build` after electron-vite). One ESM file for Node 22 with a shebang: our code is bundled
 * (fewer files to resolve keeps a cold start short), dependencies stay in node_modules — keytar is
 * native and must be loaded from there.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = resolve(root, 'out/cli/keyhaven.js');
const outdir = resolve(root, 'out/cli');
const { version } = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * zod re-exports all of its ~45 message locales (`z.locales`, a third of the bundle), which a cold start
 * would parse and run for nothing: Keyhaven uses only English, which zod sets itself from en.js. Its
 * `locales/index.js` is replaced by English alone, so `z.locales.en` still exists.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: root,
    }));
  },
};

// Chunk names carry hashes: a previous build's chunks would pile up.
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { 'keyhaven-main': resolve(root, 'electron/cli/index.ts') },
  outdir,
  // What a command loads only when it runs (the console, the test API's server) becomes its own chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  external: ['keytar'],
  // CommonJS dependencies bundled into ESM (dotenv) call require for Node's own modules.
  banner: {
    js: "import { createRequire as __keyhavenRequire } from 'node:module';\nconst require = __keyhavenRequire(import.meta.url);",
  },
  define: { __KEYHAVEN_VERSION__: JSON.stringify(version) },
  minify: true,
  plugins: [zodEnglishOnly],
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
