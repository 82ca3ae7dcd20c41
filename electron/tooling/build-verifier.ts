import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Builds the verifier a service copies in (issue 12): shared/verify bundled into one dependency-free
 * ES module, out/verify/keyhaven-verify.mjs, for any JavaScript runtime with Web Crypto (platform
 * "neutral": no Node built-ins), plus its type declarations (tsconfig.verify.json) under types/ and a
 * keyhaven-verify.d.ts beside the module that points at them.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = resolve(root, 'out/verify');

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [resolve(root, 'shared/verify/index.ts')],
  outfile: resolve(outdir, 'keyhaven-verify.mjs'),
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
execFileSync(
  process.execPath,
  [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'tsconfig.verify.json')],
  {
    stdio: 'inherit',
  },
);
await writeFile(resolve(outdir, 'keyhaven-verify.d.ts'), "export * from './types/index.js';\n");
