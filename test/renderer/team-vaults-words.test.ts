// Team vaults in the app (issue 15): the team bar's and the sync announcement's words for every state.
import { describe, expect, it } from 'vitest';
import {
  memberName,
  refusedText,
  syncResultLines,
  syncStateText,
  type TeamLinkView,
  type TeamSyncResult,
} from '../../renderer/src/features/team-vaults/team-words';
import type { TeamVaultStatus } from '../../shared/domain/team-link';

const NOW = Date.parse('2026-12-04T12:00:00.000Z');
const link = (lastSync: TeamLinkView['lastSync'], lastSyncedAt: string | null = null): TeamLinkView => ({
  url: '/srv/team.git',
  readOnly: false,
  lastSyncedAt,
  lastSync,
});
const at = '2026-12-04T11:58:00.000Z';

const status: TeamVaultStatus = {
  ...{ vaultId: 'v1', url: '/srv/team.git', teamId: 'a'.repeat(64), readOnly: false },
  members: [{ name: 'Alice', fingerprint: 'a1b2 c3d4 e5f6 0718', readOnly: false, me: true }],
  former: [{ name: 'Mallory', fingerprint: '0000 1111 2222 3333', readOnly: false, me: false }],
  lastSyncedAt: at,
  lastSync: null,
};

const result = (change: Partial<TeamSyncResult>): TeamSyncResult => ({
  ...{ vaultId: 'v1', state: 'synced', ahead: 0, sent: 0, received: 0, deleted: 0, notices: [], refused: [] },
  timings: { totalMs: 1, gitMs: 1 },
  ...change,
});

describe('team vault words', () => {
  it('says each sync state in words', () => {
    expect(syncStateText(link(null), NOW)).toBe('Not synced yet');
    expect(syncStateText(link({ state: 'synced', at, ahead: 0 }, at), NOW)).toBe('Synced 2 minutes ago');
    expect(syncStateText(link({ state: 'offline', at, ahead: 2 }), NOW)).toBe('Offline — 2 changes waiting');
    expect(syncStateText(link({ state: 'offline', at, ahead: 1 }), NOW)).toBe('Offline — 1 change waiting');
    expect(syncStateText(link({ state: 'history-rewritten', at, ahead: 0 }), NOW)).toBe(
      'History rewritten on the server — nothing changed here',
    );
    expect(syncStateText(link({ state: 'locked', at, ahead: 0 }), NOW)).toBe('Unlock to sync');
    expect(syncStateText(link({ state: 'removed', at, ahead: 0 }), NOW)).toBe('You were removed from this team');
    expect(syncStateText(link({ state: 'failed', at, ahead: 0, message: 'Check your SSH key.' }), NOW)).toBe(
      'Sync failed: Check your SSH key.',
    );
  });

  it('keeps naming refused files after the sync that found them, and nothing when there are none', () => {
    expect(refusedText(link({ state: 'synced', at, ahead: 0 }, at))).toBeNull();
    expect(refusedText(link({ state: 'synced', at, ahead: 0, refused: ['entries/x.age'] }, at))).toBe(
      '1 file refused (not signed by a member who can write, or changed outside Keyhaven): entries/x.age',
    );
  });

  it('names members, former ones too, and groups an unknown fingerprint', () => {
    expect(memberName(status, 'a1b2c3d4e5f60718')).toBe('Alice');
    expect(memberName(status, '0000111122223333')).toBe('Mallory');
    expect(memberName(status, 'ffffeeeeddddcccc')).toBe('ffff eeee dddd cccc');
    expect(memberName(undefined, 'ffffeeeeddddcccc')).toBe('ffff eeee dddd cccc');
  });

  it('announces counts, merge notices and refused files after a sync', () => {
    const lines = syncResultLines(
      result({
        received: 2,
        sent: 1,
        notices: [
          { kind: 'newer-kept', entryId: 'e1', name: 'Stripe', keptFrom: 'x', olderFrom: 'y', fields: ['secret'] },
          {
            kind: 'edit-kept-over-delete',
            entryId: 'e2',
            name: 'X',
            deletedBy: '0000111122223333',
            editedBy: 'a1b2c3d4e5f60718',
          },
        ],
        refused: ['entries/e3.age'],
      }),
      status,
    );
    expect(lines).toEqual([
      'Synced: 2 changes received, 1 sent.',
      '“Stripe” was changed by two people: the newer change was kept, the other is in its history.',
      '“X” was deleted by Mallory while Alice edited it: the edit was kept.',
      'Refused (not signed by a member who can write): entries/e3.age.',
    ]);
    expect(
      syncResultLines(result({ state: 'offline', ahead: 3, message: 'The repository cannot be reached.' }), status),
    ).toEqual(['Offline — 3 changes waiting. The repository cannot be reached.']);
    expect(syncResultLines(result({ state: 'failed', message: 'Check your SSH key.' }), status)).toEqual([
      'Sync failed: Check your SSH key.',
    ]);
  });
});
