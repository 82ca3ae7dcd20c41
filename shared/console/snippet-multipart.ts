import { multipartContentType, multipartPayload } from './multipart';
import type { MultipartPart } from './request';

/**
 * Multipart bodies in snippets. httpsnippet writes `--form name=value` for curl, which curl reads
 * again (`@file` uploads a file, `;` starts a part option), and drops each part's Content-Type
 * everywhere. So curl gets `--form-string` (taken literally) or a quoted `--form 'name="…";type=…'`,
 * and the other targets get the exact body with a fixed boundary, as they get a form's exact bytes.
 */
export const SNIPPET_BOUNDARY = 'KeyhavenFormBoundary7MA4YWxkTrZu0gW';

/** `'text'` for the shell, a single quote written as `'\''` (as httpsnippet writes them). */
const shellQuoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** curl's quoted -F value: `\` and `"` escaped (tool_formparse.c reads them back). */
const curlQuotedValue = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The curl lines for the parts, to append to httpsnippet's curl command (which had no body). */
export function curlFormLines(parts: readonly MultipartPart[]): string {
  return parts
    .map((part) =>
      part.contentType === ''
        ? ` \\\n  --form-string ${shellQuoted(`${part.name}=${part.value}`)}`
        : ` \\\n  --form ${shellQuoted(`${part.name}=${curlQuotedValue(part.value)};type=${part.contentType}`)}`,
    )
    .join('');
}

/** The exact body and its Content-Type (a typed row's value with the boundary added), for fetch, Python and HTTPie. */
export function multipartText(
  parts: readonly MultipartPart[],
  typedContentType: string | null,
): { text: string; contentType: string } {
  return {
    text: multipartPayload(parts, SNIPPET_BOUNDARY),
    contentType: multipartContentType(typedContentType, SNIPPET_BOUNDARY),
  };
}
