import { createHash } from 'node:crypto';
import type { ActivityRecord } from '../../../shared/domain/activity';

/** The hash before the first record. */
export const GENESIS = '0'.repeat(64);

/** A stored line of the activity log: the record, the previous record's hash, and its own. */
export interface ChainedRecord extends ActivityRecord {
  prev: string;
  hash: string;
}

/**
 * SHA-256 over the record's fields in a fixed order plus the previous hash: changing, removing,
 * inserting or reordering any record changes every hash after it, and the check names the first one.
 */
export function chainHash(record: ActivityRecord, prev: string): string {
  const fields = [
    record.seq,
    record.at,
    record.type,
    record.appId,
    record.issuedKeyId,
    record.keyLabel,
    record.summary,
    record.count,
    prev,
    // Added with the command line: absent from older records, whose hashes therefore do not change.
    ...(record.actor === undefined ? [] : [record.actor]),
    // Added with vault activity (issue 14): only vault records carry them, so no other hash changes.
    ...(record.vaultId === undefined ? [] : [{ vaultId: record.vaultId, entryId: record.entryId ?? null }]),
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export function stripChain(line: ChainedRecord): ActivityRecord {
  const { prev: _prev, hash: _hash, ...record } = line;
  return record;
}
