import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { renderBlockingEntryPlugin } from '../../electron/tooling/render-blocking-plugin';

/** Runs the plugin's hook as Vite's build does. */
function transform(html: string): string {
  type HtmlHook = { handler: (html: string, ctx: IndexHtmlTransformContext) => string };
  const hook = renderBlockingEntryPlugin().transformIndexHtml as unknown as HtmlHook;
  return hook.handler(html, { path: '/index.html', filename: '/x/renderer/index.html' });
}

const BUILT = `<head><script type="module" crossorigin src="./assets/index-X1.js"></script><link rel="stylesheet" crossorigin href="./assets/index-Y2.css"></head>`;

describe('the render-blocking entry plugin', () => {
  it('makes the built entry script render-blocking, so the chosen theme is set before the first paint', () => {
    expect(transform(BUILT)).toBe(BUILT.replace('<script type="module"', '<script type="module" blocking="render"'));
  });

  it('marks a script once, and leaves scripts without a source alone', () => {
    const once = transform(BUILT);
    expect(transform(once)).toBe(once);
    const inline = '<script type="module">import "x";</script>';
    expect(transform(inline)).toBe(inline);
  });
});
