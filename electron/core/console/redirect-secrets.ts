import { ConsoleError } from './console-error';
import { containsKey } from './mask-key';
import type { Hop } from './redirect-policy';

/**
 * What a redirect to another origin may carry (send-request.ts): never the key, nor a vault key filled
 * in for a `{{variable}}`. A query parameter holding one is dropped; one anywhere else stops the redirect.
 */
/** A URL for another origin: any query parameter holding the key goes; a key elsewhere in it stops the redirect. */
export function withoutKey(url: URL, key: string): URL {
  const stripped = new URL(url);
  for (const [name, value] of [...stripped.searchParams]) if (value === key) stripped.searchParams.delete(name);
  if (stripped.search === '?') stripped.search = '';
  if (containsKey(stripped.toString(), key)) {
    throw new ConsoleError(
      'BAD_REDIRECT',
      `The redirect to ${url.origin} carries the key in its URL; it was not followed, so the key stayed here.`,
    );
  }
  return stripped.search === url.search ? url : stripped;
}

/** A hop to another origin without any variable's key: its parameters go; one anywhere else stops it. */
export function withoutSecrets(hop: Hop, secrets: readonly string[]): Hop {
  let url = hop.url;
  for (const secret of secrets) url = withoutKey(url, secret);
  const body = hop.body;
  if (body !== null && secrets.some((secret) => containsKey(body, secret)))
    throw new ConsoleError(
      'BAD_REDIRECT',
      `The redirect to ${url.origin} would resend a body holding a key; it was not followed, so the key stayed here.`,
    );
  return url === hop.url ? hop : { ...hop, url };
}
