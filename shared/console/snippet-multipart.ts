import { multipartContentType, multipartPayload, typedBoundary } from './multipart';
import type { MultipartPart } from './request';

/**
 * Multipart bodies in snippets. httpsnippet writes `--form name=value` for curl, which curl reads
 * again (`@file` uploads a file, `;` starts a part option), and drops each part's Content-Type
 * everywhere. So curl gets `--form-string` (taken literally) or a quoted `--form 'name="…";type=…'`
 * where -F can say the parts, and otherwise, like the other targets, the exact body under a fixed
 * boundary, as they get a form's exact bytes.
 */
export const SNIPPET_BOUNDARY = 'KeyhavenFormBoundary7MA4YWxkTrZu0gW';

/** `'text'` for the shell, a single quote written as `'\''` (as httpsnippet writes them). */
const shellQuoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** curl's quoted -F value: `\` and `"` escaped (tool_formparse.c reads them back). */
const curlQuotedValue = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** A type curl's -F reads back whole: type/subtype, parameters after `;`, no second `;type=`. */
const CURL_TYPE = /^[^/ \t;]{1,127}\/[^;, \n\t]{1,127}(;[^;\r\n]*)*$/;

/**
 * The curl lines for the parts, to append to httpsnippet's curl command (which had no body), or null
 * when curl's -F cannot say them and the exact body must go as --data instead: a name that is empty or
 * holds `=` (curl splits at the first one), a content type curl would not read back as written, a
 * `{{variable}}` inside a quoted value (its value could hold `"` or `\`), or a typed Content-Type
 * naming its own boundary (curl would add a second).
 */
export function curlFormLines(
  parts: readonly MultipartPart[],
  typedContentType: string | null,
  placeholders: readonly string[],
): string | null {
  const holdsVariable = (text: string) => placeholders.some((placeholder) => text.includes(placeholder));
  const sayable = parts.every(
    (part) =>
      part.name !== '' &&
      !part.name.includes('=') &&
      (part.contentType === '' ||
        (!holdsVariable(part.value) && !holdsVariable(part.contentType) && CURL_TYPE.test(part.contentType))),
  );
  if (!sayable || (typedContentType !== null && typedBoundary(typedContentType) !== null)) return null;
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
