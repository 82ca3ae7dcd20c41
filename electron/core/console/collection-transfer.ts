import { randomUUID } from 'node:crypto';
import { FOLDERS_MAX, SAVED_MAX, type Folder, type SavedRequest } from '../../../shared/console/collections';
import {
  ENVIRONMENTS_MAX,
  environmentVariableSchema,
  type EnvironmentVariable,
} from '../../../shared/console/environments';
import { keyPlacement } from '../../../shared/console/key-placement';
import { consoleRequestSchema, type ConsoleRequest, type StoredRequest } from '../../../shared/console/request';
import type { ImportPreview, ImportResult, ImportSource } from '../../../shared/console/transfer';
import { systemClock, type Clock } from '../clock';
import { CoreError } from '../errors';
import type { ConsoleDb, ConsoleOp } from './console-db';
import { sanitizeRequest } from './sanitize';
import { importBrunoFiles } from './transfer/bruno-import';
import { detectTextFormat } from './transfer/detect-format';
import { importCollectionText } from './transfer/import-collection';
import { securitySchemesOf } from './transfer/openapi-security';
import type { TransferCollection, TransferFolder, TransferRequest } from './transfer/transfer-collection';

/** Reads what the page sent into the neutral tree (transfer/), whatever tool wrote it. */
export function readSource(source: ImportSource): TransferCollection {
  return source.kind === 'folder' ? importBrunoFiles(source.files) : importCollectionText(source.text);
}

function walk(folder: TransferFolder, visit: (request: TransferRequest) => void): number {
  folder.requests.forEach(visit);
  return folder.folders.reduce((count, child) => count + 1 + walk(child, visit), 0);
}

/** What an import would bring, before anything is written: counts, environments, notes, auth. */
export function previewImport(source: ImportSource): ImportPreview {
  const collection = readSource(source);
  let requests = 0;
  let requestsWithAuth = 0;
  const folders = walk(collection.root, (request) => {
    requests += 1;
    if (request.auth.kind === 'scheme') requestsWithAuth += 1;
  });
  const schemes =
    collection.format === 'openapi' && source.kind === 'file'
      ? securitySchemesOf(detectTextFormat(source.text).data)
      : [];
  return {
    format: collection.format,
    name: collection.name,
    folders,
    requests,
    environments: collection.environments.map((environment) => environment.name),
    notes: collection.notes,
    requestsWithAuth,
    securitySchemes: schemes.map((scheme) => ({
      id: scheme.id,
      description: scheme.description,
      sendable: scheme.scheme !== null,
    })),
  };
}

/**
 * A request of the tree as the console keeps it. Its key: the chosen vault entry (with the request's
 * own scheme), else `{{variable}}` where the scheme puts it. Validated and sanitized like any save.
 */
function toStored(request: TransferRequest, entryId: string | null): { request: StoredRequest } | { problem: string } {
  const query = [...request.query];
  const headers = [...request.headers];
  let auth: ConsoleRequest['auth'] = { kind: 'none' };
  if (request.auth.kind === 'scheme') {
    if (entryId !== null) auth = { kind: 'entry', entryId, scheme: request.auth.scheme };
    else {
      const placement = keyPlacement(request.auth.scheme, `{{${request.auth.variable}}}`);
      const row = { name: placement.name, value: placement.value, enabled: true };
      if (placement.kind === 'query') query.push(row);
      else headers.push(row);
    }
  }
  const parsed = consoleRequestSchema.safeParse({
    method: request.method,
    url: request.url,
    query,
    headers,
    body: request.body,
    auth,
  });
  if (!parsed.success)
    return {
      problem: `“${request.name}” was left out: ${parsed.error.issues[0]?.message ?? 'it is not a request the console can send'}`,
    };
  return { request: sanitizeRequest(parsed.data, [], Number.MAX_SAFE_INTEGER).request };
}

/** `Name`, or `Name (2)`… when the name is taken. */
function freeName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((candidate) => candidate.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) if (!lower.has(`${name} (${n})`.toLowerCase())) return `${name} (${n})`;
}

/**
 * Writes an imported collection as a new collection (top-level folder) with its folders, requests and
 * environments, in one commit: all of it lands, or none. Environment values were guarded by the
 * importer; one the console would still refuse (a value that looks like a key) comes in empty.
 */
export async function writeImport(
  db: ConsoleDb,
  collection: TransferCollection,
  entryId: string | null,
  clock: Clock = systemClock,
  newId: () => string = randomUUID,
): Promise<ImportResult> {
  const now = clock.now().toISOString();
  const notes = [...collection.notes];
  return db.commit((data) => {
    const ops: ConsoleOp[] = [];
    let folderCount = 0;
    let requestCount = 0;
    const addFolder = (source: TransferFolder, name: string, parentId: string | null, order: number): Folder => {
      const folder: Folder = { id: newId(), name: name.slice(0, 100) || 'Untitled', parentId, order, createdAt: now };
      ops.push({ type: 'folder.insert', folder });
      folderCount += 1;
      source.folders.forEach((child, index) => addFolder(child, child.name, folder.id, index));
      let position = 0;
      for (const request of source.requests) {
        const stored = toStored(request, entryId);
        if ('problem' in stored) {
          notes.push(stored.problem);
          continue;
        }
        const saved: SavedRequest = {
          id: newId(),
          name: request.name.slice(0, 200) || `${request.method} ${request.url}`.slice(0, 200),
          folderId: folder.id,
          order: position++,
          request: stored.request,
          secretsRemoved: false,
          createdAt: now,
          updatedAt: now,
        };
        ops.push({ type: 'saved.insert', saved });
        requestCount += 1;
      }
      return folder;
    };
    const topNames = data.folders.filter((folder) => folder.parentId === null).map((folder) => folder.name);
    const order = topNames.length;
    const root = addFolder(collection.root, freeName(collection.name || 'Imported', topNames), null, order);
    if (data.folders.length + folderCount > FOLDERS_MAX)
      throw new CoreError(
        'INVALID_INPUT',
        `This collection would pass ${FOLDERS_MAX} folders in the console; delete some first.`,
      );
    if (data.saved.length + requestCount > SAVED_MAX)
      throw new CoreError(
        'INVALID_INPUT',
        `This collection would pass ${SAVED_MAX} saved requests in the console; delete some first.`,
      );

    const environmentNames = data.environments.map((environment) => environment.name);
    const environments: string[] = [];
    for (const environment of collection.environments) {
      if (data.environments.length + environments.length >= ENVIRONMENTS_MAX) {
        notes.push(
          `The environment “${environment.name}” was left out: the console holds at most ${ENVIRONMENTS_MAX}.`,
        );
        continue;
      }
      const name = freeName(environment.name.slice(0, 60) || collection.name, environmentNames);
      environmentNames.push(name);
      const variables: EnvironmentVariable[] = [];
      for (const variable of environment.variables) {
        if (variables.some((kept) => kept.name === variable.name)) continue;
        const parsed = environmentVariableSchema.safeParse(variable);
        if (parsed.success) variables.push(parsed.data);
        else if (environmentVariableSchema.safeParse({ name: variable.name, value: '' }).success) {
          variables.push({ name: variable.name, value: '' });
          notes.push(
            `The value of {{${variable.name}}} in “${name}” came in empty: ${parsed.error.issues[0]?.message ?? ''}`.trim(),
          );
        } else
          notes.push(
            `The variable “${variable.name}” in “${name}” was left out: its name is not one the console reads.`,
          );
      }
      ops.push({
        type: 'environment.put',
        environment: { id: newId(), name, variables: variables.slice(0, 200), createdAt: now, updatedAt: now },
      });
      environments.push(name);
    }
    // Nothing chosen yet: the collection's first environment is, so its {{variables}} fill in at once.
    const firstPut = ops.find((op) => op.type === 'environment.put');
    if (data.activeEnvironmentId === null && firstPut?.type === 'environment.put')
      ops.push({ type: 'environment.select', id: firstPut.environment.id });
    const result: ImportResult = {
      collectionId: root.id,
      name: root.name,
      folders: folderCount - 1,
      requests: requestCount,
      environments,
      notes,
    };
    return { ops, result };
  });
}
