import type { MultipartPart } from './request';

/**
 * A multipart/form-data body of text parts, byte for byte as curl 7.88 and 8 write one for
 * `-F name=value` (lib/mime.c, the "form" strategy) and as browsers do (HTML's multipart/form-data
 * encoding): a part's name escapes `"`, CR and LF as %22, %0D and %0A; a part has a Content-Type line
 * only when it names one; the value goes as it is.
 */
export const MULTIPART_FORM = 'multipart/form-data';

/** curl's boundary shape, 24 dashes and 16 random hex digits, so a body is as long as curl's. */
export function newBoundary(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return `${'-'.repeat(24)}${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const NAME_ESCAPES: Record<string, string> = { '"': '%22', '\r': '%0D', '\n': '%0A' };

export function multipartPayload(parts: readonly MultipartPart[], boundary: string): string {
  let out = '';
  for (const part of parts) {
    const name = part.name.replace(/["\r\n]/g, (c) => NAME_ESCAPES[c] ?? c);
    out += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n`;
    if (part.contentType !== '') out += `Content-Type: ${part.contentType}\r\n`;
    out += `\r\n${part.value}\r\n`;
  }
  return `${out}--${boundary}--\r\n`;
}

/**
 * The boundary a typed Content-Type row names (`multipart/form-data; boundary=xyz`), or null. The
 * body is then written with it, so the row and the body agree.
 */
export function typedBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * The Content-Type sent with the body: a typed row's value with the boundary added (as curl adds its
 * own), or, when the row already names a boundary, the row as it is (the body is written with that one).
 */
export function multipartContentType(typed: string | null, boundary: string): string {
  if (typed !== null && typedBoundary(typed) !== null) return typed;
  return `${typed ?? MULTIPART_FORM}; boundary=${boundary}`;
}
