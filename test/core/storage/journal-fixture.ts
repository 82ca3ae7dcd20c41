import { readFile } from 'node:fs/promises';
import type { JournaledStoreOptions } from '../../../electron/core/storage';
import { decodeDocument } from '../../../electron/core/storage/document-text';

/** The document the journaled store tests use: schemaVersion 2, a list of strings. */
export interface JDoc {
  schemaVersion: 2;
  journalSeq: number;
  items: string[];
}

/** Add or remove one item; `fail` makes apply throw (an op the planner should never have produced). */
export type JOp = { add: string } | { remove: string } | { fail: true };

export function jOptions(
  file: string,
  extra: Partial<JournaledStoreOptions<JDoc, JOp>> = {},
): JournaledStoreOptions<JDoc, JOp> {
  return {
    file,
    schemaVersion: 2,
    defaults: () => ({ schemaVersion: 2, journalSeq: 0, items: [] }),
    validate: (data) => {
      const doc = data as JDoc;
      if (!Array.isArray(doc.items) || !doc.items.every((item) => typeof item === 'string')) {
        throw new Error('items must be strings');
      }
      return doc;
    },
    apply: (data, op) => {
      if ('add' in op) data.items.push(op.add);
      else if ('remove' in op) {
        const at = data.items.indexOf(op.remove);
        if (at < 0) throw new Error('no such item');
        data.items.splice(at, 1);
      } else throw new Error('apply refused the op');
    },
    parseOp: (raw) => {
      const op = raw as Record<string, unknown>;
      const keys = Object.keys(op ?? {});
      const ok =
        keys.length === 1 && (typeof op['add'] === 'string' || typeof op['remove'] === 'string' || op['fail'] === true);
      if (!ok) throw new Error('not an op');
      return op as JOp;
    },
    ...extra,
  };
}

/** A plan adding `items` in one commit; resolves to how many it added. */
export const adding =
  (...items: string[]) =>
  (): { ops: JOp[]; result: number } => ({ ops: items.map((add) => ({ add })), result: items.length });

/** The journal's lines (without the trailing empty string); [] when it is empty or absent. */
export async function journalLines(file: string): Promise<string[]> {
  const text = await readFile(`${file}.journal`, 'utf8').catch(() => '');
  return text === '' ? [] : text.slice(0, -1).split('\n');
}

export async function readSnapshot(file: string): Promise<JDoc> {
  return decodeDocument(await readFile(file, 'utf8')) as JDoc;
}
