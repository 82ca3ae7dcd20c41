import type { TeamVaultStatus } from '../../../../shared/domain/team-link';
import type { VaultSummary } from '../../../../shared/domain/vault';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { formatRelative } from '../../lib/time';

/** What the team bar and the sync announcement say, in words (issue 15). */
export type TeamLinkView = NonNullable<VaultSummary['team']>;
export type TeamSyncResult = ResponseOf<'teams:sync'>;
type SyncResult = TeamSyncResult;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Synced 2 minutes ago", "Offline — 2 changes waiting", "Unlock to sync"… */
export function syncStateText(team: TeamLinkView, now: number): string {
  const last = team.lastSync;
  if (last === null) return 'Not synced yet';
  switch (last.state) {
    case 'synced':
      return `Synced ${formatRelative(team.lastSyncedAt ?? last.at, now)}`;
    case 'offline':
      return last.ahead > 0
        ? `Offline — ${plural(last.ahead, 'change', 'changes')} waiting`
        : 'Offline — the repository cannot be reached';
    case 'history-rewritten':
      return 'History rewritten on the server — nothing changed here';
    case 'locked':
      return 'Unlock to sync';
    case 'removed':
      return 'You were removed from this team';
    case 'failed':
      return last.message ? `Sync failed: ${last.message}` : 'Sync failed';
  }
}

/**
 * Entry files the last syncs refused and nobody has written anew (kept across background syncs), or
 * null: forged, tampered, or signed by a read-only member; the rest of the vault synced.
 */
export function refusedText(team: TeamLinkView): string | null {
  const refused = team.lastSync?.refused ?? [];
  if (refused.length === 0) return null;
  return `${plural(refused.length, 'file', 'files')} refused (not signed by a member who can write, or changed outside Keyhaven): ${refused.join(', ')}`;
}

/** Why Edit and Delete are disabled in a team vault whose member may only read. */
export const READ_ONLY_REASON = 'You are a read-only member of this team vault: your changes would not be sent.';

/** A state the user has to act on (or wait out) rather than a good one. */
export const isTroubled = (team: TeamLinkView) => team.lastSync !== null && team.lastSync.state !== 'synced';

const compact = (fingerprint: string) => fingerprint.replace(/\s+/g, '').toLowerCase();
export const groupFingerprint = (fingerprint: string) => compact(fingerprint).replace(/(.{4})(?=.)/g, '$1 ');

/** A member's name for a fingerprint (current or former member), else the fingerprint grouped. */
export function memberName(status: TeamVaultStatus | undefined, fingerprint: string): string {
  const wanted = compact(fingerprint);
  const member = [...(status?.members ?? []), ...(status?.former ?? [])].find((m) => compact(m.fingerprint) === wanted);
  return member?.name ?? groupFingerprint(fingerprint);
}

/** The lines announced after a manual sync: counts, merge notices, refused files. */
export function syncResultLines(result: SyncResult, status: TeamVaultStatus | undefined): string[] {
  const nameOf = (fingerprint: string) => memberName(status, fingerprint);
  if (result.state !== 'synced') {
    const head = syncStateText({ url: '', readOnly: false, lastSyncedAt: null, lastSync: { ...result, at: '' } }, 0);
    return [result.message && result.state !== 'failed' ? `${head}. ${result.message}` : head];
  }
  const counts = [plural(result.received, 'change', 'changes') + ' received', `${result.sent} sent`];
  if (result.deleted > 0) counts.push(`${result.deleted} deleted by teammates`);
  const lines = [`Synced: ${counts.join(', ')}.`];
  for (const notice of result.notices) {
    lines.push(
      notice.kind === 'newer-kept'
        ? `“${notice.name}” was changed by two people: the newer change was kept, the other is in its history.`
        : `“${notice.name}” was deleted by ${nameOf(notice.deletedBy)} while ${nameOf(notice.editedBy)} edited it: the edit was kept.`,
    );
  }
  if (result.refused.length > 0) {
    lines.push(`Refused (not signed by a member who can write): ${result.refused.join(', ')}.`);
  }
  return lines;
}
