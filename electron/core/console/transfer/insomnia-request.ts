import type { ConsoleBody } from '../../../../shared/console/request';
import { apiKeyAuth, bearerAuth } from './auth-schemes';
import { isRecord, listOf, recordOf, textOf, type Rec } from './foreign-data';
import { quoted, type ImportContext } from './import-context';
import { bodyFromText, fillPathParams, formBody, methodOf, splitUrl, withoutMultipartType } from './request-parts';
import { guardRequest, unsupportedAuth } from './secret-guard';
import type { TransferAuth, TransferRequest, TransferRow } from './transfer-collection';

/**
 * One Insomnia request resource (v4 export, or v5 converted to the v4 shape) → a request. Insomnia
 * writes variables as Nunjucks, `{{ _.baseUrl }}` or `{{ baseUrl }}`; the console's are `{{baseUrl}}`.
 */
const VARIABLE = /\{\{\s*(?:_\.)?([^{}\s]+)\s*\}\}/g;
const TEMPLATE_TAG = /\{%[\s\S]*?%\}/;

/** `{{ _.name }}` and `{{ name }}` → `{{name}}`; anything else is kept as written. */
export function insomniaText(value: unknown): string {
  return textOf(value).replace(VARIABLE, (_match, name: string) => `{{${name}}}`);
}

/** `authentication` of a request or folder; `{}` (Insomnia's "inherit from parent") defers to the parent. */
export function readInsomniaAuth(value: unknown, ownerName: string, ctx: ImportContext): TransferAuth | 'inherit' {
  const auth = recordOf(value);
  const type = textOf(auth.type);
  if (type === '' || type === 'inherit') return 'inherit';
  if (type === 'none' || auth.disabled === true) return { kind: 'none' };
  if (type === 'bearer') {
    const prefix = textOf(auth.prefix).trim();
    if (prefix !== '' && prefix.toLowerCase() !== 'bearer') {
      return unsupportedAuth(`a token with the prefix ${quoted(prefix)}`, ownerName, ctx);
    }
    return bearerAuth(insomniaText(auth.token), ownerName, ctx);
  }
  if (type === 'apikey') {
    const addTo = textOf(auth.addTo) || 'header';
    if (addTo !== 'header' && addTo !== 'queryParams') return unsupportedAuth('cookie API key', ownerName, ctx);
    const placement = addTo === 'header' ? 'header' : 'query';
    return apiKeyAuth(placement, textOf(auth.key), insomniaText(auth.value), ownerName, ctx);
  }
  return unsupportedAuth(type, ownerName, ctx);
}

function rowsOf(value: unknown): TransferRow[] {
  return listOf(value)
    .filter(isRecord)
    .filter((row) => textOf(row.name) !== '')
    .map((row) => ({ name: insomniaText(row.name), value: insomniaText(row.value), enabled: row.disabled !== true }));
}

function readBody(value: unknown, name: string, ctx: ImportContext): ConsoleBody {
  const body = recordOf(value);
  const mimeType = textOf(body.mimeType);
  const params = listOf(body.params)
    .filter(isRecord)
    .map((p) => ({
      name: insomniaText(p.name),
      value: insomniaText(p.value),
      enabled: p.disabled !== true,
      file: p.type === 'file',
    }));
  if (mimeType === 'application/x-www-form-urlencoded') return formBody(params, false, name, ctx);
  if (mimeType === 'multipart/form-data') return formBody(params, true, name, ctx);
  if (textOf(body.fileName) !== '') {
    ctx.note(`The file body of ${quoted(name)} was not imported: the console sends text bodies only.`);
    return { kind: 'none' };
  }
  // GraphQL bodies are stored as the JSON document that is sent.
  const type = mimeType === 'application/graphql' ? 'application/json' : mimeType;
  return bodyFromText(insomniaText(body.text), type || 'text/plain');
}

/** A `request` resource → a request (null when its method cannot be sent), with secrets taken out. */
export function readInsomniaRequest(
  resource: Rec,
  inherited: TransferAuth,
  ctx: ImportContext,
): TransferRequest | null {
  const name = textOf(resource.name) || 'Untitled request';
  const method = methodOf(textOf(resource.method), name, ctx);
  if (method === null) return null;
  const split = splitUrl(insomniaText(resource.url));
  const pathParams = rowsOf(resource.pathParameters).map(({ name: param, value }) => ({ name: param, value }));
  const headers = rowsOf(resource.headers);
  const body = readBody(resource.body, name, ctx);
  const own = readInsomniaAuth(resource.authentication, name, ctx);
  const request: TransferRequest = {
    name,
    method,
    url: fillPathParams(split.url, pathParams),
    query: [...split.query, ...rowsOf(resource.parameters)],
    headers: recordOf(resource.body).mimeType === 'multipart/form-data' ? withoutMultipartType(headers) : headers,
    body,
    auth: own === 'inherit' ? inherited : own,
  };
  if (TEMPLATE_TAG.test(JSON.stringify(request))) {
    ctx.note(
      `${quoted(name)} uses Insomnia template tags ({% … %}), which the console does not run; they were kept as text.`,
    );
  }
  ctx.countRequest();
  return guardRequest(request, ctx);
}
