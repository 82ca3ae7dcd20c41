import { join } from 'node:path';
import { z } from 'zod';
import { HISTORY_MAX, historyItemSchema, savedRequestSchema } from '../../../shared/console/history';
import { openJournaledStore, type JournaledStore } from '../storage';

/**
 * `console.json`: the request console's history (the last 500, oldest first) and saved requests, in
 * its own journaled file (like vaults.json, see vault-db.ts): history is written on every Send and
 * compacts on its own pace. Everything in it went through sanitize.ts first, so neither the file
 * nor its journal ever holds a key; the op schemas re-validate every item on commit and replay.
 */
export const CONSOLE_FILE_NAME = 'console.json';
export const CONSOLE_SCHEMA_VERSION = 1;

export const consoleFileSchema = z.strictObject({
  schemaVersion: z.literal(CONSOLE_SCHEMA_VERSION),
  journalSeq: z.number().int().nonnegative(),
  history: z.array(historyItemSchema),
  saved: z.array(savedRequestSchema),
});
export type ConsoleFile = z.output<typeof consoleFileSchema>;

export const emptyConsoleFile = (): ConsoleFile => ({
  schemaVersion: CONSOLE_SCHEMA_VERSION,
  journalSeq: 0,
  history: [],
  saved: [],
});

const savedPatchSchema = savedRequestSchema
  .pick({ name: true, group: true, request: true, secretsRemoved: true, updatedAt: true })
  .partial();

export const consoleOpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('history.add'), item: historyItemSchema }),
  z.strictObject({ type: z.literal('history.delete'), id: z.uuid() }),
  z.strictObject({ type: z.literal('history.clear') }),
  z.strictObject({ type: z.literal('saved.insert'), saved: savedRequestSchema }),
  z.strictObject({ type: z.literal('saved.patch'), id: z.uuid(), patch: savedPatchSchema }),
  z.strictObject({ type: z.literal('saved.delete'), id: z.uuid() }),
]);
export type ConsoleOp = z.infer<typeof consoleOpSchema>;

/** Deterministic, and tolerant of ids that are gone: used for live commits and for replay. */
export function applyConsoleOp(data: ConsoleFile, op: ConsoleOp): void {
  switch (op.type) {
    case 'history.add':
      data.history.push(op.item);
      // FIFO: the oldest go first once there are more than 500.
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
  }
}

export type ConsoleDb = JournaledStore<ConsoleFile, ConsoleOp>;

export function openConsoleDb(dataDir: string): Promise<ConsoleDb> {
  return openJournaledStore<ConsoleFile, ConsoleOp>({
    file: join(dataDir, CONSOLE_FILE_NAME),
    schemaVersion: CONSOLE_SCHEMA_VERSION,
    defaults: emptyConsoleFile,
    validate: (data) => consoleFileSchema.parse(data),
    apply: applyConsoleOp,
    parseOp: (raw) => consoleOpSchema.parse(raw),
    compactAfter: { commits: 500, bytes: 8 * 1024 * 1024 },
  });
}
