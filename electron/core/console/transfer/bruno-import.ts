import { basename } from 'node:path';
import brunoLang from '@usebruno/lang';
import {
  brunoTreeFromFiles,
  collectionRoot,
  readBrunoTree,
  readTopFile,
  type BrunoDir,
  type BrunoFile,
} from './bruno-files';
import { brunoAuth, brunoRows, readBrunoRequest, type BrunoInherited } from './bruno-request';
import { invalid, isRecord, listOf, parseJsonText, recordOf, textOf } from './foreign-data';
import { ImportContext, quoted } from './import-context';
import { guardVariable } from './secret-guard';
import type { TransferCollection, TransferEnvironment, TransferFolder, TransferRequest } from './transfer-collection';

/**
 * A Bruno collection folder → the neutral tree. `.bru` files are parsed by Bruno's own parser
 * (`@usebruno/lang`), so every block Bruno writes is read as Bruno reads it. Folders follow the disk,
 * named and ordered by their `folder.bru`; requests are ordered by `meta.seq`. `environments/*.bru`
 * become environments; their `vars:secret` values live only in Bruno's app data and come in empty.
 */
const FOLDER_FILE = 'folder.bru';
const COLLECTION_FILE = 'collection.bru';
const ENVIRONMENTS_DIR = 'environments';

export async function importBruno(folder: string): Promise<TransferCollection> {
  const root = await collectionRoot(folder);
  const brunoJson = await readTopFile(root, 'bruno.json');
  if (brunoJson === null) throw notACollection((await readTopFile(root, 'opencollection.yml')) !== null);
  return importBrunoTree(brunoJson, await readBrunoTree(root), basename(root));
}

/**
 * A Bruno collection folder the user picked in the page (`<input webkitdirectory>`): its files with
 * their paths under the folder, as the page read them. Main never opens a path the page names.
 */
export function importBrunoFiles(files: readonly { path: string; text: string }[]): TransferCollection {
  const { tree, folderName } = brunoTreeFromFiles(files);
  const top = (name: string) => files.find((file) => file.path === `${folderName}/${name}` || file.path === name);
  const brunoJson = top('bruno.json');
  if (!brunoJson) throw notACollection(top('opencollection.yml') !== undefined);
  return importBrunoTree(brunoJson.text, tree, folderName || 'Bruno collection');
}

function notACollection(yamlFormat: boolean): Error {
  return invalid(
    yamlFormat
      ? "This Bruno collection is saved in Bruno's YAML format (opencollection.yml), which Keyhaven does not import yet; use a .bru collection or export it as a Postman collection from Bruno."
      : 'This folder is not a Bruno collection: it has no bruno.json.',
  );
}

function importBrunoTree(brunoJson: string, tree: BrunoDir, folderName: string): TransferCollection {
  const config = recordOf(parseJsonText(brunoJson, 'bruno.json'));
  if (config.type !== undefined && config.type !== 'collection') {
    throw invalid(`This bruno.json is not a collection's (its type is ${quoted(textOf(config.type))}).`);
  }
  const name = textOf(config.name) || folderName;
  const ctx = new ImportContext();

  const collectionFile = tree.files.find((file) => file.name === COLLECTION_FILE);
  const collectionSettings = collectionFile ? parseFolderFile(collectionFile, '', ctx) : null;
  const inherited: BrunoInherited = { auth: { kind: 'none' }, headers: [] };
  if (collectionSettings) applySettings(inherited, collectionSettings, name, ctx);

  const topDirs = tree.dirs.filter((dir) => dir.name !== ENVIRONMENTS_DIR);
  const built = buildFolder({ ...tree, dirs: topDirs }, name, inherited, ctx);
  const environmentsDir = tree.dirs.find((dir) => dir.name === ENVIRONMENTS_DIR);
  const environments = environmentsDir ? readEnvironments(environmentsDir, ctx) : [];
  return { format: 'bruno', name, root: built.folder, environments, notes: ctx.notes };
}

interface FolderSettings {
  name: string;
  seq: number;
  authMode: string;
  auth: Record<string, unknown>;
  headers: ReturnType<typeof brunoRows>;
}

function parseFolderFile(file: BrunoFile, path: string, ctx: ImportContext): FolderSettings | null {
  const parsed = parseBru(() => brunoLang.collectionBruToJson(file.text), path, ctx);
  if (parsed === null) return null;
  const doc = recordOf(parsed);
  const meta = recordOf(doc.meta);
  const auth = recordOf(doc.auth);
  return {
    name: textOf(meta.name),
    seq: seqOf(meta.seq),
    authMode: textOf(auth.mode),
    auth,
    headers: brunoRows(doc.headers),
  };
}

/** Bruno's parser throws on a syntax error; one broken file skips that file, not the import. */
function parseBru(parse: () => unknown, path: string, ctx: ImportContext): unknown {
  try {
    return parse();
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'syntax error';
    ctx.note(`${quoted(path)} could not be read (${detail}); it was skipped.`);
    return null;
  }
}

function seqOf(value: unknown): number {
  const n = Number(textOf(value));
  return Number.isFinite(n) && textOf(value) !== '' ? n : Number.POSITIVE_INFINITY;
}

function applySettings(into: BrunoInherited, settings: FolderSettings, ownerName: string, ctx: ImportContext): void {
  const auth = brunoAuth(settings.authMode, settings.auth, ownerName, ctx);
  if (auth !== 'inherit') into.auth = auth;
  into.headers = [...into.headers, ...settings.headers];
}

/** A folder and its seq (from folder.bru) for ordering among its siblings. */
function buildFolder(dir: BrunoDir, name: string, parent: BrunoInherited, ctx: ImportContext) {
  const here: BrunoInherited = { auth: parent.auth, headers: [...parent.headers] };
  const folderFile = dir.files.find((file) => file.name === FOLDER_FILE);
  const settings = folderFile ? parseFolderFile(folderFile, `${dir.path}/${FOLDER_FILE}`, ctx) : null;
  const folderName = settings?.name || name;
  if (settings && dir.path !== '') applySettings(here, settings, folderName, ctx);

  const requests: { seq: number; request: TransferRequest }[] = [];
  for (const file of dir.files) {
    if (file.name === FOLDER_FILE || file.name === COLLECTION_FILE) continue;
    const path = dir.path === '' ? file.name : `${dir.path}/${file.name}`;
    const parsed = parseBru(() => brunoLang.bruToJsonV2(file.text), path, ctx);
    if (parsed === null) continue;
    const request = readBrunoRequest(parsed, file.name, here, ctx);
    if (request) requests.push({ seq: seqOf(recordOf(recordOf(parsed).meta).seq), request });
  }
  const children = dir.dirs.map((child) => buildFolder(child, child.name, here, ctx));
  // Files without a seq (Infinity) go last; NaN from Infinity − Infinity falls through to the name.
  requests.sort((a, b) => a.seq - b.seq || a.request.name.localeCompare(b.request.name));
  children.sort((a, b) => a.seq - b.seq || a.folder.name.localeCompare(b.folder.name));
  const folder: TransferFolder = {
    name: folderName,
    folders: children.map((child) => child.folder),
    requests: requests.map((item) => item.request),
  };
  return { seq: settings?.seq ?? Number.POSITIVE_INFINITY, folder };
}

function readEnvironments(dir: BrunoDir, ctx: ImportContext): TransferEnvironment[] {
  ctx.checkEnvironments(dir.files.length);
  const out: TransferEnvironment[] = [];
  for (const file of dir.files) {
    const name = file.name.replace(/\.bru$/, '');
    const parsed = parseBru(() => brunoLang.bruToEnvJsonV2(file.text), `${dir.path}/${file.name}`, ctx);
    if (parsed === null) continue;
    const entries = listOf(recordOf(parsed).variables).filter(isRecord);
    ctx.checkVariables(entries.length, name);
    const variables = entries
      .filter((v) => v.enabled !== false && textOf(v.name) !== '')
      .map((v) => {
        const variable = { name: textOf(v.name), value: textOf(v.value) };
        if (v.secret === true) {
          // Bruno keeps secret values encrypted in its own app data, never in the folder.
          ctx.note(
            `{{${variable.name}}} in the environment ${quoted(name)} is a Bruno secret, whose value stays in Bruno: set it in Keyhaven.`,
          );
          return { name: variable.name, value: '' };
        }
        return guardVariable(name, variable, false, ctx);
      });
    out.push({ name, variables });
  }
  return out;
}
