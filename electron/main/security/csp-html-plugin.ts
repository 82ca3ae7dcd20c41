import { createHash } from 'node:crypto';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { APP_CSP, cspMetaContent, devCsp } from '../../../shared/security/csp';

const EXISTING_CSP = /<meta[^>]+http-equiv\s*=\s*["']?content-security-policy/i;
// Scripts without a src attribute: their text is what the browser hashes.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * Puts Keyhaven's Content-Security-Policy (shared/security/csp.ts) into the renderer's index.html as
 * the first element of <head>, so it covers every script and style that follows. Runs last ('post')
 * so it sees the page as served, including tags other plugins injected.
 *
 * build: the strict policy; an inline script there would be blocked at runtime, so it fails the build.
 * serve: the dev additions, with the dev page's inline scripts allowed by hash.
 * A CSP written by hand in index.html fails too: the policy has one definition.
 */
export function cspHtmlPlugin(): Plugin {
  return {
    name: 'keyhaven:csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (EXISTING_CSP.test(html)) {
          throw new Error(
            `${ctx.filename} declares its own Content-Security-Policy; define it in shared/security/csp.ts only.`,
          );
        }
        const inline = inlineScripts(html);
        const serving = ctx.server !== undefined;
        if (!serving && inline.length > 0) {
          throw new Error(
            `${ctx.filename} contains ${inline.length} inline <script>; the CSP (script-src 'self') blocks inline scripts. Move the code into a module file.`,
          );
        }
        const policy = serving ? devCsp(inline.map(sha256Base64)) : APP_CSP;
        const meta: HtmlTagDescriptor = {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMetaContent(policy) },
          injectTo: 'head-prepend',
        };
        return { html, tags: [meta] };
      },
    },
  };
}

export function inlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1] ?? '');
}

function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}
