import type { Plugin } from 'vite';

// The module script Vite writes into the built index.html for the page's entry.
const ENTRY_SCRIPT = /<script type="module"(?![^>]*\bblocking=)([^>]*\bsrc=[^>]*)>/g;

/**
 * Marks the renderer's entry script render-blocking (`blocking="render"`). A module script is
 * deferred, so the browser may paint the page's background before it runs; the entry applies the
 * theme chosen in Settings (renderer/src/lib/theme.ts) before anything else, and a paint ahead of it
 * would flash the system's theme. The page has nothing to show before its script runs anyway.
 */
export function renderBlockingEntryPlugin(): Plugin {
  return {
    name: 'keyhaven:render-blocking-entry',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(ENTRY_SCRIPT, '<script type="module" blocking="render"$1>'),
    },
  };
}
