import { hostAllowed } from '../../../shared/console/allowed-hosts';
import type { Environment } from '../../../shared/console/environments';
import { checkConsoleUrl, type ConsoleRequest } from '../../../shared/console/request';
import { fillRequest, fillText, hasVariables, requestVariables } from '../../../shared/console/variables';
import { isSecretReference } from '../../../shared/domain/secret-reference';
import { CoreError } from '../errors';
import { ConsoleError } from './console-error';

/** What the console needs to read a `kh://` reference (core.ts builds it on SecretReferences). */
export interface ReferenceReader {
  /** The entry a reference names, found without opening its key (throws NOT_FOUND, INVALID_INPUT). */
  find(reference: string): ReferencedValue;
}
export interface ReferencedValue {
  /** The entry's id (for the activity record of a key sent) and name (for messages). */
  entryId: string;
  entryName: string;
  allowedHosts: readonly string[];
  /** The key or its header line: a secret, kept from logs, history and the renderer. */
  secret: boolean;
  /** Reads the value (the key is decrypted here; LOCKED when its vault is locked). */
  read(): string;
}

export interface FilledRequest {
  request: ConsoleRequest;
  /** The values read from vaults for `{{variables}}`: sent only to the request's origin, masked in what returns. */
  secrets: string[];
  /** The entries whose keys were read for `{{variables}}`, so their sending is recorded (never the keys). */
  readEntries: { entryId: string; variable: string }[];
}

/**
 * Fills a request's `{{variables}}` in from the chosen environment at send time, in main (issue 13).
 * In order, so that nothing secret is read for a request that will not go:
 * 1. every variable the request uses must be defined, else INVALID_INPUT names the missing ones;
 * 2. plain values and non-secret references (`/base-url`, `/scheme`) fill the URL, which must then parse;
 * 3. each entry whose key is used must allow the URL's host (its allowed hosts, as for Authentication);
 * 4. only then are keys read, and the whole request filled in.
 */
export function fillVariables(
  request: ConsoleRequest,
  environment: Environment | null,
  references: ReferenceReader,
): FilledRequest {
  const used = requestVariables(request);
  if (used.length === 0) return { request, secrets: [], readEntries: [] };
  const defined = new Map(environment?.variables.map((variable) => [variable.name, variable.value]) ?? []);
  const missing = used.filter((name) => !defined.has(name));
  if (missing.length > 0) throw missingVariables(missing, environment);

  const plain = new Map<string, string>();
  const secret = new Map<string, ReferencedValue>();
  for (const name of used) {
    const value = defined.get(name) as string;
    if (!isSecretReference(value)) {
      plain.set(name, value);
      continue;
    }
    const found = references.find(value);
    if (found.secret) secret.set(name, found);
    else plain.set(name, found.read());
  }

  const url = fillText(request.url, plain);
  if (secret.size > 0 && hasVariables(authorityOf(url)))
    throw new CoreError('INVALID_INPUT', 'A key cannot be part of the URL’s host: put it in a header or the query.');
  // Keys are not read yet: a stand-in lets the URL be checked and its host matched.
  const standIn = fillText(url, new Map([...secret.keys()].map((name) => [name, 'x'])));
  const problem = checkConsoleUrl(standIn);
  if (problem) throw new CoreError('INVALID_INPUT', `${problem} (the URL once its variables are filled in)`);
  const target = new URL(standIn);
  for (const [name, found] of secret) {
    if (!hostAllowed(found.allowedHosts, target))
      throw new ConsoleError(
        'HOST_NOT_ALLOWED',
        `${target.host} is not one of the allowed hosts of “${found.entryName}” ({{${name}}}), so its key was not read. Edit the entry to allow it.`,
      );
  }

  const values = new Map(plain);
  const secrets: string[] = [];
  const readEntries: FilledRequest['readEntries'] = [];
  for (const [name, found] of secret) {
    const value = found.read();
    if (/[\r\n\0]/.test(value))
      throw new CoreError('INVALID_INPUT', `The key of “${found.entryName}” has a line break; it cannot be sent.`);
    values.set(name, value);
    secrets.push(value);
    readEntries.push({ entryId: found.entryId, variable: name });
  }
  return { request: fillRequest(request, values), secrets, readEntries };
}

/** `https://api.example.com:8443` of a URL as text; the whole text when it does not start with a scheme. */
function authorityOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? url;
}

function missingVariables(missing: string[], environment: Environment | null): CoreError {
  const list = missing.map((name) => `{{${name}}}`).join(', ');
  return new CoreError(
    'INVALID_INPUT',
    environment === null
      ? `Choose an environment that defines ${list}, or replace ${missing.length === 1 ? 'it' : 'them'} in the request.`
      : `${list} ${missing.length === 1 ? 'is' : 'are'} not defined in the environment “${environment.name}”.`,
  );
}
