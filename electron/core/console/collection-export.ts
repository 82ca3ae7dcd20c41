import type { CollectionsView } from '../../../shared/console/collections';
import { isReferenceValue, type Environment } from '../../../shared/console/environments';
import type { StoredRequest } from '../../../shared/console/request';
import { requestVariables } from '../../../shared/console/variables';
import { notFound } from '../errors';
import { exportPostmanText } from './transfer/postman-export';
import type { TransferFolder, TransferRequest, TransferRow } from './transfer/transfer-collection';

/** The variable a request's key is exported as: Postman then asks for `{{apiKey}}`, never holds it. */
export const EXPORTED_KEY_VARIABLE = 'apiKey';

/** `https://a.example/v1?x=1` → the URL without its query string, and the query as rows. */
function splitQuery(url: string): { url: string; rows: TransferRow[] } {
  const at = url.indexOf('?');
  if (at === -1) return { url, rows: [] };
  const rows = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const decode = (text: string) => {
        try {
          return decodeURIComponent(text.replace(/\+/g, ' '));
        } catch {
          return text;
        }
      };
      return {
        name: decode(eq === -1 ? pair : pair.slice(0, eq)),
        value: decode(eq === -1 ? '' : pair.slice(eq + 1)),
        enabled: true,
      };
    });
  return { url: url.slice(0, at), rows };
}

function toTransfer(name: string, request: StoredRequest): TransferRequest {
  const { url, rows } = splitQuery(request.url);
  return {
    name,
    method: request.method,
    url,
    query: [...rows, ...request.query],
    headers: request.headers,
    body: request.body,
    // A vault entry or a typed key becomes a variable to fill in: no key leaves Keyhaven.
    auth:
      request.auth.kind === 'none'
        ? { kind: 'none' }
        : { kind: 'scheme', scheme: request.auth.scheme, variable: EXPORTED_KEY_VARIABLE },
  };
}

/**
 * A collection (or any folder) as a Postman v2.1 file. Requests are stored without keys already; the
 * only variables shipped are the chosen environment's plain ones that the requests use — a vault
 * reference's name goes, its value never does (the variable is listed empty).
 */
export function exportFolder(
  view: CollectionsView,
  folderId: string,
  environment: Environment | null,
): { fileName: string; text: string } {
  const top = view.folders.find((folder) => folder.id === folderId);
  if (!top) throw notFound('This folder');
  const used = new Set<string>();
  const build = (id: string, name: string): TransferFolder => ({
    name,
    folders: view.folders.filter((folder) => folder.parentId === id).map((folder) => build(folder.id, folder.name)),
    requests: view.saved
      .filter((saved) => saved.folderId === id)
      .map((saved) => {
        for (const variable of requestVariables(saved.request)) used.add(variable);
        if (saved.request.auth.kind !== 'none') used.add(EXPORTED_KEY_VARIABLE);
        return toTransfer(saved.name, saved.request);
      }),
  });
  const root = build(top.id, top.name);
  const defined = new Map(environment?.variables.map((variable) => [variable.name, variable.value]) ?? []);
  const variables = [...used].sort().map((name) => {
    const value = defined.get(name) ?? '';
    return { name, value: isReferenceValue(value) ? '' : value };
  });
  const text = exportPostmanText(
    { format: 'keyhaven', name: top.name, root, environments: [], notes: [] },
    { variables },
  );
  const slug = top.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'collection';
  return { fileName: `${slug}.postman_collection.json`, text };
}
