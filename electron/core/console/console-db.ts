import { join } from 'node:path';
import { z } from 'zod';
import { folderSchema, savedRequestSchema } from '../../../shared/console/collections';
import { environmentSchema } from '../../../shared/console/environments';
import { HISTORY_MAX, historyItemSchema } from '../../../shared/console/history';
import { openJournaledStore, type JournaledStore } from '../storage';
import { consoleMigrations } from './console-migrations';

/**
 * `console.json`: the request console's history (the last 10,000, oldest first), its collections
 * (folders and saved requests) and environments, in its own journaled file (like vaults.json, see
 * vault-db.ts): history is written on every Send and compacts on its own pace. Requests in it went
 * through sanitize.ts first and environment values are plain text or `kh://` references, so neither
 * the file nor its journal ever holds a key; the op schemas re-validate every item on commit and replay.
 */
export const CONSOLE_FILE_NAME = 'console.json';
export const CONSOLE_SCHEMA_VERSION = 2;

export const consoleFileSchema = z.strictObject({
  schemaVersion: z.literal(CONSOLE_SCHEMA_VERSION),
  journalSeq: z.number().int().nonnegative(),
  history: z.array(historyItemSchema),
  folders: z.array(folderSchema),
  saved: z.array(savedRequestSchema),
  environments: z.array(environmentSchema),
  activeEnvironmentId: z.string().nullable(),
});
export type ConsoleFile = z.output<typeof consoleFileSchema>;

export const emptyConsoleFile = (): ConsoleFile => ({
  schemaVersion: CONSOLE_SCHEMA_VERSION,
  journalSeq: 0,
  history: [],
  folders: [],
  saved: [],
  environments: [],
  activeEnvironmentId: null,
});

const savedPatchSchema = savedRequestSchema
  .pick({ name: true, folderId: true, order: true, request: true, secretsRemoved: true, updatedAt: true })
  .partial();
const folderPatchSchema = folderSchema.pick({ name: true, parentId: true, order: true }).partial();

export const consoleOpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('history.add'), item: historyItemSchema }),
  z.strictObject({ type: z.literal('history.delete'), id: z.uuid() }),
  z.strictObject({ type: z.literal('history.clear') }),
  z.strictObject({ type: z.literal('saved.insert'), saved: savedRequestSchema }),
  z.strictObject({ type: z.literal('saved.patch'), id: z.uuid(), patch: savedPatchSchema }),
  z.strictObject({ type: z.literal('saved.delete'), id: z.uuid() }),
  z.strictObject({ type: z.literal('folder.insert'), folder: folderSchema }),
  z.strictObject({ type: z.literal('folder.patch'), id: z.uuid(), patch: folderPatchSchema }),
  /** The folder, its folders and every request in them. */
  z.strictObject({ type: z.literal('folder.delete'), id: z.uuid() }),
  /** Inserts or replaces the environment with this id. */
  z.strictObject({ type: z.literal('environment.put'), environment: environmentSchema }),
  z.strictObject({ type: z.literal('environment.delete'), id: z.uuid() }),
  z.strictObject({ type: z.literal('environment.select'), id: z.uuid().nullable() }),
]);
export type ConsoleOp = z.infer<typeof consoleOpSchema>;

/** The folder and everything under it. */
export function folderAndDescendants(data: Pick<ConsoleFile, 'folders'>, id: string): Set<string> {
  const ids = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const folder of data.folders)
      if (folder.parentId !== null && ids.has(folder.parentId) && !ids.has(folder.id)) {
        ids.add(folder.id);
        grew = true;
      }
  }
  return ids;
}

/** Deterministic, and tolerant of ids that are gone: used for live commits and for replay. */
export function applyConsoleOp(data: ConsoleFile, op: ConsoleOp): void {
  switch (op.type) {
    case 'history.add':
      data.history.push(op.item);
      // FIFO: the oldest go first once there are more than HISTORY_MAX.
      if (data.history.length > HISTORY_MAX) data.history.splice(0, data.history.length - HISTORY_MAX);
      return;
    case 'history.delete':
      data.history = data.history.filter((item) => item.id !== op.id);
      return;
    case 'history.clear':
      data.history = [];
      return;
    case 'saved.insert':
      data.saved.push(op.saved);
      return;
    case 'saved.patch': {
      const saved = data.saved.find((candidate) => candidate.id === op.id);
      if (saved) Object.assign(saved, op.patch);
      return;
    }
    case 'saved.delete':
      data.saved = data.saved.filter((saved) => saved.id !== op.id);
      return;
    case 'folder.insert':
      data.folders.push(op.folder);
      return;
    case 'folder.patch': {
      const folder = data.folders.find((candidate) => candidate.id === op.id);
      if (folder) Object.assign(folder, op.patch);
      return;
    }
    case 'folder.delete': {
      const gone = folderAndDescendants(data, op.id);
      data.folders = data.folders.filter((folder) => !gone.has(folder.id));
      data.saved = data.saved.filter((saved) => !gone.has(saved.folderId));
      return;
    }
    case 'environment.put': {
      const at = data.environments.findIndex((candidate) => candidate.id === op.environment.id);
      if (at === -1) data.environments.push(op.environment);
      else data.environments[at] = op.environment;
      return;
    }
    case 'environment.delete':
      data.environments = data.environments.filter((environment) => environment.id !== op.id);
      if (data.activeEnvironmentId === op.id) data.activeEnvironmentId = null;
      return;
    case 'environment.select':
      data.activeEnvironmentId = op.id;
      return;
  }
}

export type ConsoleDb = JournaledStore<ConsoleFile, ConsoleOp>;

export function openConsoleDb(dataDir: string): Promise<ConsoleDb> {
  return openJournaledStore<ConsoleFile, ConsoleOp>({
    file: join(dataDir, CONSOLE_FILE_NAME),
    schemaVersion: CONSOLE_SCHEMA_VERSION,
    defaults: emptyConsoleFile,
    migrations: consoleMigrations,
    validate: (data) => consoleFileSchema.parse(data),
    apply: applyConsoleOp,
    parseOp: (raw) => consoleOpSchema.parse(raw),
    compactAfter: { commits: 500, bytes: 8 * 1024 * 1024 },
  });
}
