import type { ConsoleBody } from '../../../../shared/console/request';
import { invalid, isRecord, listOf, parseJsonOrYaml, recordOf, textOf, type Rec } from './foreign-data';
import { ImportContext, quoted } from './import-context';
import { exampleOf, exampleText } from './openapi-example';
import { RefResolver } from './openapi-refs';
import { OPENAPI_KEY_VARIABLE, operationAuth, securitySchemesOf } from './openapi-security';
import { formBody, methodOf } from './request-parts';
import { guardRequest } from './secret-guard';
import type { TransferCollection, TransferEnvironment, TransferFolder, TransferRequest } from './transfer-collection';

/**
 * An OpenAPI 3.0/3.1 document (JSON or YAML) → one request per operation, in folders by first tag.
 * URLs are `{{baseUrl}}` + the path with `{id}` as `{{id}}`; each server becomes an environment that
 * sets `baseUrl`. Required query and header parameters come in as rows, a JSON request body as its
 * example. Swagger 2.0 is refused: its structure differs throughout and converters exist for it.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export const OPENAPI_BASE_VARIABLE = 'baseUrl';

/** The document, or a CoreError when it is not OpenAPI 3.0/3.1. */
export function checkOpenApiData(data: unknown): Rec {
  const doc = recordOf(data);
  if (doc.swagger !== undefined) throw invalid('Swagger 2.0 is not supported; convert to OpenAPI 3.');
  const version = textOf(doc.openapi);
  if (version === '') throw invalid('This file is not an OpenAPI document: it has no openapi version.');
  if (!/^3\.[01]\./.test(version)) {
    throw invalid(`OpenAPI ${version.slice(0, 20)} is not supported; Keyhaven imports OpenAPI 3.0 and 3.1.`);
  }
  return doc;
}

export function importOpenApi(text: string): TransferCollection {
  return importOpenApiData(parseJsonOrYaml(text, 'This OpenAPI document'));
}

export function importOpenApiData(data: unknown): TransferCollection {
  const doc = checkOpenApiData(data);
  const ctx = new ImportContext();
  const refs = new RefResolver(doc, ctx);
  const schemes = securitySchemesOf(doc, refs);
  const name = textOf(recordOf(doc.info).title) || 'OpenAPI';
  const root: TransferFolder = { name, folders: [], requests: [] };
  // Folders in the order of the document's `tags` list, then in order of first use.
  const folders = new Map<string, TransferFolder>(
    listOf(doc.tags).map((tag) => {
      const tagName = textOf(recordOf(tag).name);
      return [tagName, { name: tagName, folders: [], requests: [] }];
    }),
  );
  let usesAuth = false;
  for (const [path, itemValue] of Object.entries(recordOf(doc.paths))) {
    const item = refs.record(itemValue);
    for (const method of METHODS) {
      if (!isRecord(item[method])) continue;
      const operation = item[method];
      const request = readOperation(path, method, operation, listOf(item.parameters), { doc, refs, ctx, schemes });
      if (request === null) continue;
      usesAuth ||= request.auth.kind === 'scheme';
      const tag = textOf(listOf(operation.tags)[0]);
      if (tag === '') root.requests.push(request);
      else {
        if (!folders.has(tag)) folders.set(tag, { name: tag, folders: [], requests: [] });
        folders.get(tag)!.requests.push(request);
      }
    }
  }
  root.folders = [...folders.values()].filter((folder) => folder.requests.length > 0);
  const environments = serverEnvironments(doc, usesAuth, ctx);
  return { format: 'openapi', name, root, environments, notes: ctx.notes };
}

interface Reading {
  doc: Rec;
  refs: RefResolver;
  ctx: ImportContext;
  schemes: ReturnType<typeof securitySchemesOf>;
}

function readOperation(
  path: string,
  method: string,
  operation: Rec,
  pathParameters: unknown[],
  { doc, refs, ctx, schemes }: Reading,
): TransferRequest | null {
  const name = textOf(operation.summary) || textOf(operation.operationId) || `${method.toUpperCase()} ${path}`;
  const consoleMethod = methodOf(method, name, ctx);
  if (consoleMethod === null) return null;
  // Operation parameters override the path item's of the same name and place.
  const byKey = new Map<string, Rec>();
  for (const value of [...pathParameters, ...listOf(operation.parameters)]) {
    const parameter = refs.record(value);
    byKey.set(`${textOf(parameter.in)}:${textOf(parameter.name)}`, parameter);
  }
  const parameters = [...byKey.values()];
  const rows = (where: string) =>
    parameters
      .filter((p) => p.in === where && p.required === true && textOf(p.name) !== '')
      .map((p) => ({ name: textOf(p.name), value: parameterExample(p, refs), enabled: true }));
  ctx.countRequest();
  return guardRequest(
    {
      name,
      method: consoleMethod,
      url: `{{${OPENAPI_BASE_VARIABLE}}}${path.replace(/\{([^{}]+)\}/g, '{{$1}}')}`,
      query: rows('query'),
      headers: rows('header'),
      body: requestBody(operation.requestBody, name, refs, ctx),
      auth: operationAuth(operation, doc, schemes, ctx),
    },
    ctx,
  );
}

/** A parameter's own example, else its schema's; never a made-up placeholder (an empty row reads better). */
function parameterExample(parameter: Rec, refs: RefResolver): string {
  const schema = refs.record(parameter.schema);
  const firstExample = isRecord(parameter.examples)
    ? refs.record(Object.values(parameter.examples)[0]).value
    : undefined;
  const candidates = [parameter.example, firstExample, schema.example, schema.default, listOf(schema.enum)[0]];
  return exampleText(candidates.find((value) => value !== undefined));
}

function requestBody(value: unknown, name: string, refs: RefResolver, ctx: ImportContext): ConsoleBody {
  const content = recordOf(refs.record(value).content);
  const types = Object.keys(content);
  const json = types.find((type) => /json/i.test(type));
  if (json) {
    const example = exampleOf(refs.record(content[json]), refs);
    return { kind: 'json', text: JSON.stringify(example ?? {}, null, 2) };
  }
  const form = types.find((type) => type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data');
  if (form) {
    const example = recordOf(exampleOf(refs.record(content[form]), refs));
    const fields = Object.entries(example).map(([field, v]) => ({
      name: field,
      value: exampleText(v),
      enabled: true,
      file: false,
    }));
    return formBody(fields, form === 'multipart/form-data', name, ctx);
  }
  const text = types.find((type) => /^text\/|xml/i.test(type));
  if (text) {
    const example = exampleOf(refs.record(content[text]), refs);
    return { kind: 'raw', text: typeof example === 'string' ? example : '', contentType: text };
  }
  if (types.length > 0) {
    ctx.note(`The ${types[0]} request body of ${quoted(name)} was not imported: the console sends text bodies only.`);
  }
  return { kind: 'none' };
}

/** One environment per server, setting `baseUrl` (server variables at their defaults). */
function serverEnvironments(doc: Rec, usesAuth: boolean, ctx: ImportContext): TransferEnvironment[] {
  const keyVariable = usesAuth ? [{ name: OPENAPI_KEY_VARIABLE, value: '' }] : [];
  const servers = listOf(doc.servers).filter(isRecord);
  if (servers.length === 0) {
    ctx.note(`The document names no server: set {{${OPENAPI_BASE_VARIABLE}}} to the API's address.`);
    return [{ name: 'OpenAPI servers', variables: [{ name: OPENAPI_BASE_VARIABLE, value: '' }, ...keyVariable] }];
  }
  ctx.checkEnvironments(servers.length);
  return servers.map((server) => {
    const variables = recordOf(server.variables);
    const url = textOf(server.url)
      .replace(/\{([^{}]+)\}/g, (whole, variable: string) => textOf(recordOf(variables[variable]).default) || whole)
      .replace(/\/+$/, '');
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      ctx.note(
        `The server URL ${quoted(url || '/')} is relative: set {{${OPENAPI_BASE_VARIABLE}}} to the API's full address.`,
      );
    }
    return {
      name: textOf(server.description) || url || 'OpenAPI server',
      variables: [{ name: OPENAPI_BASE_VARIABLE, value: url }, ...keyVariable],
    };
  });
}
