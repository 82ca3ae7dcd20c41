import type { ConsoleBody } from '../../../../shared/console/request';
import { apiKeyAuth, bearerAuth } from './auth-schemes';
import { isRecord, listOf, recordOf, textOf, type Rec } from './foreign-data';
import { quoted, type ImportContext } from './import-context';
import {
  bodyFromText,
  fillPathParams,
  formBody,
  graphqlBody,
  methodOf,
  splitUrl,
  withoutMultipartType,
} from './request-parts';
import { guardRequest, unsupportedAuth } from './secret-guard';
import type { TransferAuth, TransferRequest, TransferRow } from './transfer-collection';

/**
 * One parsed `.bru` request (the JSON `@usebruno/lang` returns) → a request. Collection and folder
 * headers are sent by Bruno with every request below them, so they are written into each request;
 * auth `inherit` takes the folder's or the collection's.
 */
export interface BrunoInherited {
  auth: TransferAuth;
  headers: TransferRow[];
}

// Content types of Bruno's text body modes.
const TEXT_TYPES: Record<string, string> = {
  text: 'text/plain',
  xml: 'application/xml',
  sparql: 'application/sparql-query',
};

/** Auth of mode `mode` with its settings in `auth[mode]` (requests, folder.bru and collection.bru alike). */
export function brunoAuth(mode: string, auth: Rec, ownerName: string, ctx: ImportContext): TransferAuth | 'inherit' {
  switch (mode) {
    case '':
    case 'inherit':
      return 'inherit';
    case 'none':
      return { kind: 'none' };
    case 'bearer':
      return bearerAuth(textOf(recordOf(auth.bearer).token), ownerName, ctx);
    case 'apikey': {
      const apikey = recordOf(auth.apikey);
      const placement = textOf(apikey.placement) === 'queryparams' ? 'query' : 'header';
      return apiKeyAuth(placement, textOf(apikey.key), textOf(apikey.value), ownerName, ctx);
    }
    default:
      return unsupportedAuth(mode, ownerName, ctx);
  }
}

export function brunoRows(value: unknown): TransferRow[] {
  return listOf(value)
    .filter(isRecord)
    .map((row) => ({ name: textOf(row.name), value: textOf(row.value), enabled: row.enabled !== false }));
}

function readBody(mode: string, body: Rec, name: string, ctx: ImportContext): ConsoleBody {
  switch (mode) {
    case 'json':
      return bodyFromText(textOf(body.json), 'application/json');
    case 'text':
    case 'xml':
    case 'sparql':
      return bodyFromText(textOf(body[mode]), TEXT_TYPES[mode]!);
    case 'formUrlEncoded':
      return formBody(
        brunoRows(body.formUrlEncoded).map((row) => ({ ...row, file: false })),
        false,
        name,
        ctx,
      );
    case 'multipartForm':
      return formBody(
        listOf(body.multipartForm)
          .filter(isRecord)
          .map((f) => ({
            name: textOf(f.name),
            value: textOf(f.value),
            enabled: f.enabled !== false,
            file: f.type === 'file',
            contentType: textOf(f.contentType),
          })),
        true,
        name,
        ctx,
      );
    case 'graphql': {
      const graphql = recordOf(body.graphql);
      return graphqlBody(textOf(graphql.query), textOf(graphql.variables));
    }
    case 'file':
      ctx.note(`The file body of ${quoted(name)} was not imported: the console sends text bodies only.`);
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** The request of a parsed `.bru` file, or null (with a note) when it is not one the console can send. */
export function readBrunoRequest(
  parsed: unknown,
  fileName: string,
  inherited: BrunoInherited,
  ctx: ImportContext,
): TransferRequest | null {
  const doc = recordOf(parsed);
  const meta = recordOf(doc.meta);
  const http = recordOf(doc.http);
  const name = textOf(meta.name) || fileName.replace(/\.bru$/, '');
  const type = textOf(meta.type) || 'http';
  if ((type !== 'http' && type !== 'graphql') || !isRecord(doc.http)) {
    ctx.note(`${quoted(name)} is a ${type} request, not HTTP; it was skipped.`);
    return null;
  }
  const method = methodOf(textOf(http.method), name, ctx);
  if (method === null) return null;
  const params = listOf(doc.params).filter(isRecord);
  const queryParams = brunoRows(params.filter((p) => p.type === 'query'));
  const pathParams = brunoRows(params.filter((p) => p.type === 'path'));
  const split = splitUrl(textOf(http.url));
  const bodyMode = textOf(http.body);
  const ownHeaders = brunoRows(doc.headers);
  const own = brunoAuth(textOf(http.auth), recordOf(doc.auth), name, ctx);
  ctx.countRequest();
  return guardRequest(
    {
      name,
      method,
      url: fillPathParams(split.url, pathParams),
      // Bruno keeps the URL's query string and the params block in step; the block also has turned-off rows.
      query: queryParams.length > 0 ? queryParams : split.query,
      headers: [
        ...inherited.headers,
        ...(bodyMode === 'multipartForm' ? withoutMultipartType(ownHeaders) : ownHeaders),
      ],
      body: readBody(bodyMode, recordOf(doc.body), name, ctx),
      auth: own === 'inherit' ? inherited.auth : own,
    },
    ctx,
  );
}
