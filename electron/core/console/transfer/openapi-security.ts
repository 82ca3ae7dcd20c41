import type { HeaderScheme } from '../../../../shared/catalogs/service-presets';
import { headerKeyScheme, queryKeyScheme } from './auth-schemes';
import { isRecord, listOf, recordOf, textOf, type Rec } from './foreign-data';
import { quoted, type ImportContext } from './import-context';
import { RefResolver } from './openapi-refs';
import type { TransferAuth } from './transfer-collection';

/**
 * An OpenAPI document's security schemes as the console's header schemes, and the auth of each
 * operation (its own `security`, else the document's). The key is always read from `{{apiKey}}`:
 * a document describes how a key is sent, never the key.
 */
export const OPENAPI_KEY_VARIABLE = 'apiKey';

export interface OpenApiSecurityScheme {
  /** The name under `components.securitySchemes`. */
  id: string;
  /** OpenAPI's type: apiKey, http, oauth2, openIdConnect, mutualTLS. */
  type: string;
  /** How the console sends the key, or null when it cannot (basic, cookies, mutual TLS). */
  scheme: HeaderScheme | null;
  /** For the user: "This API uses a bearer token." */
  description: string;
}

function describe(id: string, definition: Rec): OpenApiSecurityScheme {
  const type = textOf(definition.type);
  const name = textOf(definition.name);
  const where = textOf(definition.in);
  const unsupported = (what: string): OpenApiSecurityScheme => ({
    id,
    type,
    scheme: null,
    description: `This API uses ${what}, which the console does not send.`,
  });
  if (type === 'apiKey' && where === 'header') {
    const scheme = headerKeyScheme(name);
    if (scheme === null) return unsupported(`an API key in a header named ${quoted(name)}`);
    return { id, type, scheme, description: `This API uses an API key in the ${name} header.` };
  }
  if (type === 'apiKey' && where === 'query') {
    const scheme = queryKeyScheme(name);
    if (scheme === null) return unsupported(`an API key in a query parameter named ${quoted(name)}`);
    return { id, type, scheme, description: `This API uses an API key in the ${name} query parameter.` };
  }
  if (type === 'apiKey') return unsupported('an API key in a cookie');
  if (type === 'http' && textOf(definition.scheme).toLowerCase() === 'bearer') {
    return { id, type, scheme: { kind: 'bearer' }, description: 'This API uses a bearer token.' };
  }
  if (type === 'http') return unsupported(`HTTP ${textOf(definition.scheme) || 'basic'} authentication`);
  if (type === 'oauth2' || type === 'openIdConnect') {
    // The access token such a flow yields is a bearer token: the console sends one obtained elsewhere.
    const label = type === 'oauth2' ? 'OAuth 2.0' : 'OpenID Connect';
    return {
      id,
      type,
      scheme: { kind: 'bearer' },
      description: `This API uses ${label}: paste an access token, which the console sends as a bearer token.`,
    };
  }
  return unsupported(type === 'mutualTLS' ? 'client certificates (mutual TLS)' : `${quoted(type)} security`);
}

/**
 * Every scheme of `components.securitySchemes` in the document's order, for the UI to say how the
 * API takes its key ("This API uses a bearer token") before or after an import.
 */
export function securitySchemesOf(doc: unknown, refs = new RefResolver(recordOf(doc))): OpenApiSecurityScheme[] {
  const schemes = recordOf(recordOf(recordOf(doc).components).securitySchemes);
  return Object.entries(schemes).map(([id, definition]) => describe(id, refs.record(definition)));
}

/**
 * The auth of an operation: the first requirement (alternatives are listed in order of preference)
 * whose scheme the console can send. An empty requirement `{}` means the call also works without.
 */
export function operationAuth(
  operation: Rec,
  doc: Rec,
  schemes: OpenApiSecurityScheme[],
  ctx: ImportContext,
): TransferAuth {
  const requirements = operation.security !== undefined ? operation.security : doc.security;
  for (const requirement of listOf(requirements)) {
    if (!isRecord(requirement)) continue;
    const ids = Object.keys(requirement);
    if (ids.length === 0) return { kind: 'none' };
    for (const id of ids) {
      const known = schemes.find((scheme) => scheme.id === id);
      if (known?.scheme) {
        if (known.type === 'oauth2' || known.type === 'openIdConnect') ctx.note(known.description);
        return { kind: 'scheme', scheme: known.scheme, variable: OPENAPI_KEY_VARIABLE };
      }
      ctx.note(
        known
          ? `${known.description} Requests that need ${quoted(id)} were imported without authentication.`
          : `The security scheme ${quoted(id)} is not defined in the document; requests that need it were imported without authentication.`,
      );
    }
  }
  return { kind: 'none' };
}
