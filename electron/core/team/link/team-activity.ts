import type { ActivityEvent } from '../../activity/activity-event';
import type { MergeNotice } from './entry-merge';
import type { TeamSyncResult } from './team-sync-cycle';

/**
 * What a team vault records in Activity (issue 15): sharing, joining, members added and removed, and
 * each sync that did something — brought, sent or deleted entries, merged two members' changes,
 * refused a file, or found this member removed. A sync that changed nothing (every five minutes)
 * records nothing. Names only: of the vault, its entries and its members, never a key.
 */
export type RecordActivity = (events: readonly ActivityEvent[]) => Promise<void>;

export const teamEvent = (type: ActivityEvent['type'], vaultId: string, summary: string): ActivityEvent => ({
  type,
  appId: null,
  vaultId,
  summary,
});

/** The Activity record of one sync, or none when it changed nothing worth telling. */
export function syncEvents(
  result: TeamSyncResult,
  vaultName: string,
  nameOf: (fingerprint: string) => string,
): ActivityEvent[] {
  const parts: string[] = [];
  if (result.received > 0) parts.push(`${result.received} received`);
  if (result.sent > 0) parts.push(`${result.sent} sent`);
  if (result.deleted > 0) parts.push(`${result.deleted} deleted by teammates`);
  const merges = result.notices.map((notice) => mergeWords(notice, nameOf));
  if (result.refused.length > 0) parts.push(`refused ${result.refused.join(', ')}`);
  if (result.state === 'removed') parts.push('you were removed from this team');
  if (parts.length === 0 && merges.length === 0) return [];
  const summary = [`Team vault "${vaultName}" synced: ${parts.join(', ') || 'merged'}`, ...merges].join('; ');
  return [teamEvent('team.synced', result.vaultId, summary)];
}

function mergeWords(notice: MergeNotice, nameOf: (fingerprint: string) => string): string {
  if (notice.kind === 'edit-kept-over-delete') {
    return `"${notice.name}" was deleted by ${nameOf(notice.deletedBy)} while ${nameOf(notice.editedBy)} edited it: the edit was kept`;
  }
  return `"${notice.name}" was changed by ${nameOf(notice.keptFrom)} and ${nameOf(notice.olderFrom)}: ${nameOf(notice.keptFrom)}'s newer change was kept, the other is in its history`;
}
