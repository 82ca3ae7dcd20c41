import type { TeamMemberView, TeamVaultStatus } from '../../../shared/domain/team-link';
import type { RemovalResult } from '../../core/team/link/team-membership';
import type { TeamSyncResult } from '../../core/team/link/team-sync-cycle';
import { table } from '../output';

/**
 * What `keyhaven team …` prints for people: a team vault's status, one line per sync, a removal.
 * Merge notices and history name members by fingerprint; these texts show the name beside it, from
 * the member list (current and former), so a reader need not look fingerprints up.
 */
export type NamedStatus = TeamVaultStatus & { name: string };
export type NamedSync = TeamSyncResult & { vault: string };

export function statusText(status: NamedStatus): string {
  const lastSync = status.lastSync;
  const rows = status.members.map((member) => memberRow(member));
  const lines = [
    `Vault:       ${status.name} (${status.vaultId})`,
    `Repository:  ${status.url}`,
    `Access:      ${status.readOnly ? 'read-only (nothing you change is sent)' : 'read and write'}`,
    `Last synced: ${status.lastSyncedAt === null ? 'never' : when(status.lastSyncedAt)}`,
    ...(lastSync === null || lastSync.state === 'synced'
      ? []
      : [`Last sync:   ${syncState(lastSync.state, lastSync.ahead)} at ${when(lastSync.at)}${tail(lastSync.message)}`]),
    '',
    table(['MEMBER', 'FINGERPRINT', 'ACCESS', ''], rows, 'No members.').trimEnd(),
  ];
  if (status.former.length > 0) {
    lines.push('', `Former members: ${status.former.map((m) => `${m.name} (${m.fingerprint})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function memberRow(member: TeamMemberView): string[] {
  return [member.name, member.fingerprint, member.readOnly ? 'read-only' : 'read and write', member.me ? 'you' : ''];
}

/** One line per vault, then its notices and refused files indented under it. */
export function syncText(result: NamedSync, names: ReadonlyMap<string, string>): string {
  const who = (fingerprint: string) => names.get(fingerprint) ?? fingerprint;
  const counts = `${result.sent} sent, ${result.received} received, ${result.deleted} deleted`;
  const lines = [`${result.vault}: ${syncState(result.state, result.ahead)} — ${counts}${tail(result.message)}`];
  for (const notice of result.notices) {
    lines.push(
      notice.kind === 'edit-kept-over-delete'
        ? `  "${notice.name}": ${who(notice.editedBy)}'s edit kept over ${who(notice.deletedBy)}'s delete`
        : `  "${notice.name}": changed on both sides; ${who(notice.keptFrom)}'s newer ${notice.fields.map(fieldWords).join(', ')} kept, ${who(notice.olderFrom)}'s older value in its history`,
    );
  }
  for (const file of result.refused) lines.push(`  refused: ${file} (failed its checks; not taken in)`);
  return lines.join('\n');
}

/** Fingerprint (16 hex digits) → name, for every member the vault ever had. */
export function memberNames(status: TeamVaultStatus): Map<string, string> {
  return new Map([...status.former, ...status.members].map((m) => [m.fingerprint.replace(/ /g, ''), m.name]));
}

export function removalText(result: RemovalResult & { status: NamedStatus }): string {
  const lines = [`Removed "${result.removed}" from "${result.status.name}"; the vault key was rotated.`];
  if (result.exposed.length === 0) {
    lines.push('No entry was readable by them.');
  } else {
    lines.push(`Seen by a removed member — rotate these keys at their services:`);
    for (const entry of result.exposed) {
      lines.push(`  ${entry.name}${entry.issued ? ' (issued by Keyhaven: keyhaven keys rotate …)' : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function syncState(state: TeamSyncResult['state'], ahead: number): string {
  switch (state) {
    case 'synced':
      return 'synced';
    case 'offline':
      return `offline (${ahead} ${ahead === 1 ? 'change' : 'changes'} waiting)`;
    case 'history-rewritten':
      return 'history rewritten on the remote (nothing changed here)';
    case 'failed':
      return 'failed';
    case 'locked':
      return 'locked (enter your Keyhaven passphrase)';
    case 'removed':
      return 'removed from the team';
  }
}

/** Entry fields as the app labels them ("key", not "secret"). */
const FIELD_WORDS: Record<string, string> = { secret: 'key', baseUrl: 'base URL', allowedHosts: 'allowed hosts' };
const fieldWords = (field: string) => FIELD_WORDS[field] ?? field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const tail = (message: string | undefined) => (message === undefined ? '' : `: ${message}`);
