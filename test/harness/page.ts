import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cspHeader, cspMetaContent } from '../../shared/security/csp';

export const BRIDGE_PATH = '/harness-bridge.js';

export interface PreparedPage {
  /** index.html with the bridge script injected, as served. */
  html: Buffer;
  /** The CSP sent as a header on every response: the app's policy, the same as the page's meta tag. */
  csp: string;
  warnings: string[];
}

/** A missing build or a page the harness cannot bridge: the CLI prints the message and exits. */
export class PageError extends Error {
  override readonly name = 'PageError';
}

/**
 * Reads the built index.html, keeps its CSP untouched and adds one same-origin classic script in
 * <head> before the app's module script, so `window.keyhaven` exists before any app code runs —
 * the position the preload has in Electron. `script-src 'self'` allows it; nothing is inlined.
 */
export function preparePage(rendererDir: string): PreparedPage {
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new PageError(`The built renderer is missing (${indexFile}): run npm run build first.`);
  }
  const source = readFileSync(indexFile, 'utf8');
  const warnings: string[] = [];

  // The header is the app's full policy (with the directives a <meta> cannot carry, such as
  // frame-ancestors), as long as the built page carries the same policy; otherwise the page's own.
  const meta = findMetaCsp(source);
  let csp = cspHeader();
  if (meta === null) {
    warnings.push('index.html has no Content-Security-Policy meta tag; sending the app CSP as a header only.');
  } else if (meta !== cspMetaContent()) {
    warnings.push(
      "the CSP in index.html differs from shared/security/csp.ts (a stale build?); sending the page's own.",
    );
    csp = meta;
  }
  return { html: Buffer.from(injectBridge(source), 'utf8'), csp, warnings };
}

export function injectBridge(source: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const headEnd = source.search(/<\/head\s*>/i);
  if (headEnd < 0) throw new PageError('The built index.html has no </head>; cannot inject the harness bridge.');
  // Before the first script in <head> (the app's module script); else at the end of <head>.
  const firstScript = source.slice(0, headEnd).search(/<script\b/i);
  const at = firstScript >= 0 ? firstScript : headEnd;
  return `${source.slice(0, at)}${tag}\n    ${source.slice(at)}`;
}

/** The content of `<meta http-equiv="Content-Security-Policy" content="…">`, attributes in any order. */
export function findMetaCsp(source: string): string | null {
  for (const match of source.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    const httpEquiv = attribute(tag, 'http-equiv');
    if (httpEquiv?.toLowerCase() !== 'content-security-policy') continue;
    const content = attribute(tag, 'content');
    if (content) return decodeEntities(content).replace(/\s+/g, ' ').trim();
  }
  return null;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
