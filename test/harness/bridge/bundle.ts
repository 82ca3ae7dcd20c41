import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./browser-entry.ts', import.meta.url));

/**
 * Bundles the bridge from source when the harness starts, so it always matches the current channel
 * list and `buildApi` — nothing is generated into the tree or can go stale. esbuild is already here
 * (tsx and vite run on it). A classic script (IIFE), so it runs before the app's module script.
 */
export async function bundleBridge(): Promise<Buffer> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bridge script.');
  return Buffer.from(output.contents);
}
