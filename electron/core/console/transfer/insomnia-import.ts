import { invalid, isRecord, listOf, parseJsonOrYaml, recordOf, textOf, type Rec } from './foreign-data';
import { ImportContext, quoted } from './import-context';
import { insomniaText, readInsomniaAuth, readInsomniaRequest } from './insomnia-request';
import { insomniaV5Resources, isInsomniaV5 } from './insomnia-v5';
import { guardVariable } from './secret-guard';
import type {
  TransferAuth,
  TransferCollection,
  TransferEnvironment,
  TransferFolder,
  TransferVariable,
} from './transfer-collection';

/**
 * Insomnia exports → the neutral tree: the v4 export (`_type: export`, `__export_format: 4`, JSON or
 * YAML), a flat list of resources linked by `parentId`, and the v5 YAML collection (Insomnia 11+),
 * which is first flattened to the same resources, as Insomnia itself does on import.
 */
// Insomnia's vault: secret environment values live under this key (Insomnia 10+).
const VAULT_KEY = '__insomnia_vault';

export function importInsomnia(text: string): TransferCollection {
  return importInsomniaData(parseJsonOrYaml(text, 'This Insomnia export'));
}

/** The resources of a v4 or v5 export; a CoreError for anything else. */
export function insomniaResources(data: unknown): Rec[] {
  if (isInsomniaV5(data)) return insomniaV5Resources(recordOf(data));
  const doc = recordOf(data);
  if (doc._type !== 'export') throw invalid('This file is not an Insomnia export.');
  const version = doc.__export_format;
  if (version !== 4) {
    throw invalid(
      `This Insomnia export is format ${textOf(version) || 'unknown'}; Keyhaven imports format 4 and Insomnia 11's v5 collections. Export it again from a current Insomnia.`,
    );
  }
  return listOf(doc.resources).filter(isRecord);
}

export function importInsomniaData(data: unknown): TransferCollection {
  const resources = insomniaResources(data);
  const ctx = new ImportContext();
  const byParent = new Map<string, Rec[]>();
  const ids = new Set(resources.map((r) => textOf(r._id)));
  for (const resource of resources) {
    const parent = textOf(resource.parentId);
    byParent.set(parent, [...(byParent.get(parent) ?? []), resource]);
  }
  const workspaces = resources.filter((r) => r._type === 'workspace');
  const childrenOf = (id: string) => sortBySortKey(byParent.get(id) ?? []);
  // Resources whose parent is not in the file (an export of one folder) hang from the top.
  const orphans = resources.filter((r) => r._type !== 'workspace' && !ids.has(textOf(r.parentId)));

  let root: TransferFolder;
  let name: string;
  if (workspaces.length === 1) {
    const workspace = workspaces[0]!;
    name = textOf(workspace.name) || 'Insomnia collection';
    root = readFolder(name, [...childrenOf(textOf(workspace._id)), ...orphans], { kind: 'none' }, 0, childrenOf, ctx);
  } else {
    name = 'Insomnia export';
    root = readFolder(name, sortBySortKey(orphans), { kind: 'none' }, 0, childrenOf, ctx);
    for (const workspace of workspaces) {
      const folderName = textOf(workspace.name) || 'Untitled workspace';
      root.folders.push(
        readFolder(folderName, childrenOf(textOf(workspace._id)), { kind: 'none' }, 1, childrenOf, ctx),
      );
    }
  }
  const environments = readEnvironments(resources, childrenOf, ctx);
  return { format: 'insomnia', name, root, environments, notes: ctx.notes };
}

/** Insomnia lists siblings by ascending `metaSortKey`; the file's order breaks ties and stands in for none. */
function sortBySortKey(resources: Rec[]): Rec[] {
  const key = (r: Rec) => (typeof r.metaSortKey === 'number' ? r.metaSortKey : 0);
  return resources
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => key(a.resource) - key(b.resource) || a.index - b.index)
    .map(({ resource }) => resource);
}

function readFolder(
  name: string,
  children: Rec[],
  inherited: TransferAuth,
  depth: number,
  childrenOf: (id: string) => Rec[],
  ctx: ImportContext,
): TransferFolder {
  ctx.checkDepth(depth);
  const folder: TransferFolder = { name, folders: [], requests: [] };
  for (const child of children) {
    const childName = textOf(child.name);
    switch (child._type) {
      case 'request_group': {
        const folderName = childName || 'Untitled folder';
        const own = readInsomniaAuth(child.authentication, folderName, ctx);
        const auth = own === 'inherit' ? inherited : own;
        folder.folders.push(readFolder(folderName, childrenOf(textOf(child._id)), auth, depth + 1, childrenOf, ctx));
        break;
      }
      case 'request': {
        const request = readInsomniaRequest(child, inherited, ctx);
        if (request) folder.requests.push(request);
        break;
      }
      case 'grpc_request':
      case 'websocket_request':
      case 'socketio_request':
        ctx.note(`${quoted(childName)} is not an HTTP request (gRPC, WebSocket or Socket.IO); it was skipped.`);
        break;
      default:
        // Environments, cookie jars, API specs, tests: not part of the request tree.
        break;
    }
  }
  return folder;
}

/**
 * The base environment and each sub environment. A sub environment is what Insomnia sends with, the
 * base's variables overlaid with its own, so it comes in merged (the console has one active environment).
 */
function readEnvironments(resources: Rec[], childrenOf: (id: string) => Rec[], ctx: ImportContext) {
  const environmentIds = new Set(resources.filter((r) => r._type === 'environment').map((r) => textOf(r._id)));
  const bases = resources.filter((r) => r._type === 'environment' && !environmentIds.has(textOf(r.parentId)));
  const out: TransferEnvironment[] = [];
  for (const base of bases) {
    // Guarded once, so a secret of the base is noted once, not again in every sub environment.
    const baseEnvironment = guarded(textOf(base.name) || 'Base Environment', variablesOf(base), ctx);
    if (baseEnvironment.variables.length > 0) out.push(baseEnvironment);
    for (const sub of childrenOf(textOf(base._id)).filter((r) => r._type === 'environment')) {
      const own = guarded(textOf(sub.name) || 'Environment', variablesOf(sub), ctx);
      const merged = new Map(baseEnvironment.variables.map((v) => [v.name, v]));
      for (const variable of own.variables) merged.set(variable.name, variable);
      out.push({ name: own.name, variables: [...merged.values()] });
    }
  }
  ctx.checkEnvironments(out.length);
  return out;
}

interface InsomniaVariable extends TransferVariable {
  secret: boolean;
}

function guarded(name: string, variables: InsomniaVariable[], ctx: ImportContext): TransferEnvironment {
  ctx.checkVariables(variables.length, name);
  return { name, variables: variables.map(({ secret, ...v }) => guardVariable(name, v, secret, ctx)) };
}

/**
 * `data` flattened: Insomnia allows nested objects (`{{ _.admin.user }}`), which become dotted names;
 * vault entries are the secrets Insomnia's UI renders as `{{ vault.name }}`.
 */
function variablesOf(environment: Rec): InsomniaVariable[] {
  const out: InsomniaVariable[] = [];
  const walk = (value: unknown, path: string, secret: boolean, depth: number) => {
    if (isRecord(value) && depth < 8) {
      for (const [key, child] of Object.entries(value)) {
        const isVault = depth === 0 && key === VAULT_KEY;
        walk(child, isVault ? 'vault' : path === '' ? key : `${path}.${key}`, secret || isVault, depth + 1);
      }
    } else if (path !== '') {
      const text = Array.isArray(value) || isRecord(value) ? JSON.stringify(value) : insomniaText(value);
      out.push({ name: path, value: text, secret });
    }
  };
  walk(recordOf(environment.data), '', false, 0);
  for (const pair of listOf(environment.kvPairData).filter(isRecord)) {
    // Insomnia 10's key-value editor marks secrets by type; they are in `data` too, only the mark is new.
    if (pair.type !== 'secret') continue;
    const found = out.find((v) => v.name === `vault.${textOf(pair.name)}` || v.name === textOf(pair.name));
    if (found) found.secret = true;
  }
  return out;
}
