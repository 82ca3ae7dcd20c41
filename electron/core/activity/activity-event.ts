import type { ActivityActor, ActivityRecord, ActivityType } from '../../../shared/domain/activity';
import { chainHash, GENESIS, type ChainedRecord } from './chain-hash';

/** What a service asks to record with a change; the commit numbers and chains it (db/recorded-commit.ts). */
export interface ActivityEvent {
  type: ActivityType;
  /** Null for a vault's records. */
  appId: string | null;
  issuedKeyId?: string | null;
  keyLabel?: string | null;
  /** A vault record's vault and entry (issue 14). */
  vaultId?: string;
  entryId?: string;
  /** For people: names and public key labels only, never a secret. */
  summary: string;
  count?: number;
  /** Defaults to now; a sealed verification hour is recorded at the hour's start. */
  at?: Date;
}

/** The last record of the chain: its number and hash (seq 0 and GENESIS before the first). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS };

/** Numbers the events on from `head`, names who made them, and links each to the one before. */
export function chainEvents(
  head: ChainHead,
  events: readonly ActivityEvent[],
  now: Date,
  actor: ActivityActor,
): ChainedRecord[] {
  let { seq, hash } = head;
  return events.map((event) => {
    seq += 1;
    const record: ActivityRecord = {
      seq,
      at: (event.at ?? now).toISOString(),
      type: event.type,
      appId: event.appId,
      issuedKeyId: event.issuedKeyId ?? null,
      keyLabel: event.keyLabel ?? null,
      summary: event.summary,
      count: event.count ?? 1,
      actor,
      ...(event.vaultId === undefined ? {} : { vaultId: event.vaultId }),
      ...(event.entryId === undefined ? {} : { entryId: event.entryId }),
    };
    const prev = hash;
    hash = chainHash(record, prev);
    return { ...record, prev, hash };
  });
}
