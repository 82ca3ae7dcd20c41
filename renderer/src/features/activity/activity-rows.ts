import type { ActivityListItem } from '../../../../shared/domain/activity';

/** One row of an activity table: a record, or a run of the same record repeated back to back. */
export interface ActivityRow {
  /** The newest record of the run. */
  record: ActivityListItem;
  /** How many records the row stands for (1 for a single one). */
  repeats: number;
  /** The oldest record's time, when the row stands for several. */
  firstAt: string;
}

/**
 * Copying a vault key 100 times makes 100 records: each one is in the log (a key left Keyhaven each
 * time), but a list of them hides everything else. Back-to-back records that say the same thing — same
 * kind, summary, actor, app, key and vault entry — are shown as one row, "100 times since …".
 * Verification counts (already one record per hour) and provisional records are never merged.
 */
export function groupRepeats(records: readonly ActivityListItem[]): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (const record of records) {
    const last = rows.at(-1);
    if (last && sameEvent(last.record, record)) {
      last.repeats += 1;
      last.firstAt = record.at;
    } else {
      rows.push({ record, repeats: 1, firstAt: record.at });
    }
  }
  return rows;
}

function sameEvent(a: ActivityListItem, b: ActivityListItem): boolean {
  if (a.provisional || b.provisional || a.type === 'key.verified') return false;
  return (
    a.type === b.type &&
    a.summary === b.summary &&
    (a.actor ?? 'app') === (b.actor ?? 'app') &&
    a.appId === b.appId &&
    a.issuedKeyId === b.issuedKeyId &&
    a.vaultId === b.vaultId &&
    a.entryId === b.entryId
  );
}
