import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cspHtmlPlugin } from './electron/main/security/csp-html-plugin';
import { renderBlockingEntryPlugin } from './electron/tooling/render-blocking-plugin';

const root = dirname(fileURLToPath(import.meta.url));
const at = (path: string): string => resolve(root, path);

/**
 * Three bundles, one per process (DESIGN §2–3):
 * - main:     ESM (package.json "type": "module"); dependencies stay external, installed next to it.
 * - preload:  CommonJS, self-contained. A sandboxed preload cannot be ESM and may require only
 *             'electron', so the contract code it uses is bundled in and nothing is externalized.
 * - renderer: React, with the Content-Security-Policy injected from shared/security/csp.ts, and its
 *             entry script render-blocking (the chosen theme applies before the first paint).
 */
export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      rolldownOptions: {
        input: { index: at('electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react(), cspHtmlPlugin(), renderBlockingEntryPlugin()],
    build: {
      outDir: at('out/renderer'),
      minify: true,
      rolldownOptions: { input: at('renderer/index.html') },
    },
  },
});
