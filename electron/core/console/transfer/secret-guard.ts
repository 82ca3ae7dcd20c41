import { isCredentialHeader } from '../../../../shared/console/key-placement';
import { KEY_QUERY_NAMES } from '../sanitize';
import { quoted, type ImportContext } from './import-context';
import type { TransferAuth, TransferRequest, TransferRow, TransferVariable } from './transfer-collection';

/**
 * Secrets never come in through an import (issue: collection transfer). A collection file is shared in
 * chats and repositories, so whatever literal token it holds is treated as leaked-or-foreign: it is
 * dropped, the request keeps a `{{variable}}` in its place, and a note says what to fill in. Keys
 * belong in vaults, where Keyhaven stores them in the OS keychain.
 */
const VARIABLE_ONLY = /^\{\{\s*([^{}\s]+)\s*\}\}$/;
const ANY_VARIABLE = /\{\{[^{}]*\}\}/g;
// A template tag (Insomnia's `{% uuid %}`, `{% response … %}`) computes a value; it holds none.
const TEMPLATE_TAG = /\{%[\s\S]*?%\}/g;
// The scheme word in front of a credential (`Bearer {{token}}`) is not itself a secret.
const SCHEME_WORD = /^\s*(bearer|basic|token|api-key|apikey|digest)\b/i;
const SECRET_NAME = /token|secret|key|password|passwd|auth|credential/i;

/** `token` for `{{token}}` (spaces allowed inside the braces); null for anything else. */
export function variableOf(value: string): string | null {
  return VARIABLE_ONLY.exec(value)?.[1] ?? null;
}

/** True when nothing but `{{variables}}`, template tags and a scheme word is written: no literal credential. */
export function holdsNoLiteral(value: string): boolean {
  return value.replace(ANY_VARIABLE, '').replace(TEMPLATE_TAG, '').replace(SCHEME_WORD, '').trim() === '';
}

export function looksLikeSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * The variable a credential should be read from: the source's own `{{variable}}` when it wrote one,
 * else `fallback`, with a note when a literal value was dropped.
 */
export function credentialVariable(
  value: string,
  fallback: string,
  what: string,
  requestName: string,
  ctx: ImportContext,
): string {
  const named = variableOf(value);
  if (named !== null) return named;
  if (value.trim() !== '') {
    ctx.note(`The ${what} of ${quoted(requestName)} was not imported: set {{${fallback}}} in an environment.`);
  }
  return fallback;
}

/** An environment variable, its value emptied when it is (or looks like) a secret. */
export function guardVariable(
  environment: string,
  variable: TransferVariable,
  markedSecret: boolean,
  ctx: ImportContext,
): TransferVariable {
  if (variable.value === '' || holdsNoLiteral(variable.value)) return variable;
  if (!markedSecret && !looksLikeSecretName(variable.name)) return variable;
  const why = markedSecret ? 'it is marked secret' : 'it looks like a secret';
  ctx.note(
    `The value of {{${variable.name}}} in the environment ${quoted(environment)} was not imported (${why}): set it in Keyhaven.`,
  );
  return { name: variable.name, value: '' };
}

function blankRow(row: TransferRow, what: string, requestName: string, ctx: ImportContext): TransferRow {
  ctx.note(
    `The value of the ${what} ${row.name} of ${quoted(requestName)} was not imported; it is turned off until you fill it in.`,
  );
  return { name: row.name, value: '', enabled: false };
}

// userinfo (`https://user:pass@host`) is a credential too; `{{` cannot appear in it, so no template is cut.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@{}]*@/i;

/**
 * The last step of every importer: credential headers, key-named query parameters and URL userinfo
 * that hold a literal value are emptied (rows turned off, so the user sees what to fill in).
 */
export function guardRequest(request: TransferRequest, ctx: ImportContext): TransferRequest {
  const scheme = request.auth.kind === 'scheme' ? request.auth.scheme : null;
  const headers = request.headers.map((row) =>
    row.value !== '' && isCredentialHeader(row.name, scheme) && !holdsNoLiteral(row.value)
      ? blankRow(row, 'header', request.name, ctx)
      : row,
  );
  const keyParam = scheme?.kind === 'query' ? scheme.name.toLowerCase() : null;
  const query = request.query.map((row) => {
    const lower = row.name.toLowerCase();
    const keyNamed = KEY_QUERY_NAMES.has(lower) || lower === keyParam;
    return row.value !== '' && keyNamed && !holdsNoLiteral(row.value)
      ? blankRow(row, 'query parameter', request.name, ctx)
      : row;
  });
  let url = request.url;
  if (USERINFO.test(url)) {
    url = url.replace(USERINFO, '$1');
    ctx.note(`The user name and password in the URL of ${quoted(request.name)} were not imported.`);
  }
  return { ...request, url, headers, query };
}

/** How Postman, Insomnia and Bruno name the authentication types Keyhaven cannot send, for the note. */
const UNSUPPORTED_AUTH_LABELS: Record<string, string> = {
  basic: 'basic',
  digest: 'digest',
  oauth1: 'OAuth 1.0',
  oauth2: 'OAuth 2.0',
  hawk: 'Hawk',
  awsv4: 'AWS Signature',
  iam: 'AWS IAM',
  ntlm: 'NTLM',
  netrc: 'netrc',
  akamai: 'Akamai EdgeGrid',
  edgegrid: 'Akamai EdgeGrid',
  jwt: 'JWT',
  asap: 'ASAP',
  wsse: 'WSSE',
};

/** A note for an authentication type Keyhaven cannot send (basic, OAuth, AWS signatures …), by the tool's name for it. */
export function unsupportedAuth(type: string, requestName: string, ctx: ImportContext): TransferAuth {
  const label = UNSUPPORTED_AUTH_LABELS[type] ?? type;
  ctx.note(
    `${quoted(requestName)} uses ${label} authentication, which Keyhaven does not support; it was not imported.`,
  );
  return { kind: 'none' };
}
