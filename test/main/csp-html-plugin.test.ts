import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, type IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { cspHtmlPlugin, inlineScripts } from '../../electron/main/security/csp-html-plugin';
import { APP_CSP, cspHeader, cspMetaContent } from '../../shared/security/csp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = `<!doctype html><html><head><title>t</title></head><body><script type="module" src="/src/main.tsx"></script></body></html>`;

/** Runs the plugin's hook the way Vite's build does (no dev server in the context). */
function transformForBuild(html: string): unknown {
  type HtmlHook = { handler: (this: unknown, html: string, ctx: IndexHtmlTransformContext) => unknown };
  const hook = cspHtmlPlugin().transformIndexHtml as unknown as HtmlHook;
  return hook.handler.call({}, html, { path: '/index.html', filename: '/x/renderer/index.html' });
}

const cspOf = (html: string): string =>
  (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");

describe('the policy', () => {
  it('is the strict one from the design, without unsafe sources', () => {
    expect(cspHeader()).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'",
    );
    expect(cspHeader()).not.toMatch(/unsafe|https?:|\*/);
  });

  it('leaves frame-ancestors out of the <meta> form, where browsers ignore it', () => {
    expect(cspMetaContent()).not.toContain('frame-ancestors');
    expect(cspMetaContent()).toBe(cspHeader().replace("; frame-ancestors 'none'", ''));
  });
});

describe('the CSP html plugin in a build', () => {
  it('prepends the strict policy to <head>', () => {
    expect(transformForBuild(PAGE)).toEqual({
      html: PAGE,
      tags: [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMetaContent(APP_CSP) },
          injectTo: 'head-prepend',
        },
      ],
    });
  });

  it('fails on an inline script, which the policy would block at runtime', () => {
    expect(() => transformForBuild(PAGE.replace('</body>', '<script>alert(1)</script></body>'))).toThrow(
      /inline <script>.*blocks inline scripts/,
    );
  });

  it('fails when index.html declares a policy of its own', () => {
    const own = PAGE.replace('<title>', `<meta http-equiv="content-security-policy" content="default-src *"><title>`);
    expect(() => transformForBuild(own)).toThrow(/define it in shared\/security\/csp.ts only/);
  });

  it('tells inline scripts from scripts with a src', () => {
    expect(inlineScripts('<script src="/a.js"></script><script type="module">go()</script>')).toEqual(['go()']);
  });
});

describe('the CSP html plugin on the dev server', () => {
  it('allows the dev page exactly: inline scripts by hash, HMR on loopback, no unsafe-eval', async () => {
    const server = await createServer({
      configFile: false,
      root: join(ROOT, 'renderer'),
      logLevel: 'silent',
      appType: 'custom',
      server: { middlewareMode: true, ws: false },
      plugins: [react(), cspHtmlPlugin()],
    });
    try {
      const source = await readFile(join(ROOT, 'renderer/index.html'), 'utf8');
      const html = await server.transformIndexHtml('/index.html', source);
      const csp = cspOf(html);
      const scripts = inlineScripts(html);
      expect(scripts.length).toBeGreaterThan(0); // React refresh's preamble
      const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
      for (const script of scripts) {
        expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
      }
      expect(scriptSrc).not.toContain('unsafe');
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("connect-src 'self' ws://localhost:* ws://127.0.0.1:* ws://[::1]:*");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      // First in <head>, so it governs every script that follows.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    } finally {
      await server.close();
    }
  });
});
