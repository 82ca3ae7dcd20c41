import { isDeepStrictEqual } from 'node:util';
import { entryMark, type TeamLink } from '../../../../shared/domain/team-link';
import { localMark } from './local-changes';
import type { VaultOp } from '../../vaults/vault-ops';
import type { VaultFile } from '../../vaults/vault-schema';
import { readTeamText, entryFileOf } from '../team-format';
import type { TeamVaultSession } from '../team-entries';
import type { TeamRecord } from './entry-merge';
import { fromTeamEntry } from './entry-mapping';
import { decodeWithAny } from './merge-resolver';

/**
 * The last step of a sync: entry files the sync changed are read, checked and taken into the local
 * vault in one commit. A file that fails its checks is listed as refused and changes nothing here. An
 * entry edited here while the sync ran is left alone; the next sync sends it and merges.
 */
export interface ReadChange {
  id: string;
  record: TeamRecord | null;
  /** Opened only with the key from before the sync (a local change replayed onto a rotation). */
  underOldKey: boolean;
}

export async function readChangedEntries(
  current: TeamVaultSession,
  previous: TeamVaultSession | null,
  ids: readonly string[],
): Promise<{ changes: ReadChange[]; refused: string[] }> {
  const changes: ReadChange[] = [];
  const refused: string[] = [];
  for (const id of ids) {
    const armored = await readTeamText(current.root, entryFileOf(id));
    if (armored === null) continue; // gone from the folder: only a tombstone deletes
    let underOldKey = false;
    let decoded = await decodeWithAny([current], id, armored);
    if (decoded === null && previous !== null && previous.vaultKey !== current.vaultKey) {
      decoded = await decodeWithAny([previous], id, armored);
      underOldKey = decoded !== null;
    }
    if (decoded === null) {
      refused.push(entryFileOf(id));
      continue;
    }
    changes.push({ id, record: decoded.kind === 'entry' ? decoded.entry : decoded.tombstone, underOldKey });
  }
  return { changes, refused };
}

export interface ImportPlan {
  ops: VaultOp[];
  known: TeamLink['known'];
  received: number;
  deleted: number;
  /** Entries changed here during the sync: kept, sent next time. */
  keptLocal: string[];
}

/** Plans the local vault's ops from what was read; runs inside the vaults.json commit, on fresh data. */
export function planImport(
  data: Readonly<VaultFile>,
  vaultId: string,
  changes: readonly ReadChange[],
  knownBefore: TeamLink['known'],
  dataKey: Buffer,
  readOnly: boolean,
): ImportPlan {
  const plan: ImportPlan = { ops: [], known: { ...knownBefore }, received: 0, deleted: 0, keptLocal: [] };
  const local = new Map(data.entries.filter((entry) => entry.vaultId === vaultId).map((entry) => [entry.id, entry]));
  for (const { id, record } of changes) {
    if (record === null) continue;
    const existing = local.get(id);
    if (existing === undefined && data.entries.some((entry) => entry.id === id)) continue; // another vault's id
    const changedHere = existing !== undefined && plan.known[id] !== localMark(existing);
    if (changedHere && !readOnly) {
      plan.keptLocal.push(id);
      continue;
    }
    if ('deleted' in record) {
      delete plan.known[id];
      if (existing === undefined) continue;
      plan.ops.push({ type: 'entry.delete', id });
      plan.deleted += 1;
      continue;
    }
    const same =
      existing !== undefined &&
      localMark(existing) === entryMark(record) &&
      plan.known[id] === entryMark(record) &&
      isDeepStrictEqual(existing.rotateAdvice, record.rotateAdvice);
    if (same) continue; // what this member already has (their own change coming back, or a re-encryption)
    const next = fromTeamEntry(record, existing, vaultId, dataKey);
    plan.known[id] = entryMark(record);
    plan.received += 1;
    if (existing === undefined) {
      plan.ops.push({ type: 'entry.insert', entry: next });
      continue;
    }
    const { id: _id, vaultId: _vaultId, kind: _kind, createdAt: _createdAt, seal: _seal, ...patch } = next;
    plan.ops.push({ type: 'entry.patch', id, patch });
  }
  return plan;
}
