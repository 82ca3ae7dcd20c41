import { randomBytes } from 'node:crypto';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { runGit } from '../../electron/core/team/git/git-runner';
import { workingCopyOf } from '../../electron/core/team/link/team-paths';
import { readAllTeamEntries } from '../../electron/core/team/team-entries';
import { loadTeamIdentity, type TeamIdentity } from '../../electron/core/team/team-identity';
import { openTeamVault, removeTeamMember } from '../../electron/core/team/team-vault';
import { MemoryKeychain } from '../support/memory-keychain';
import { makeTempDir } from '../support/temp-dir';
import { fmt, percentile, timeMsAsync } from './stats';
import type { BenchRow } from './vaults';

/**
 * Team vault figures for `npm run bench` (issue 15's quality bar), with real parts: three cores over
 * their own data folders (in-memory keychains: a keychain read is not on any path measured here), a
 * bare repository from `git init --bare` as the team's remote, and real git for every sync.
 *
 * - Bob changes 10 entries of a 1,000-entry team vault and syncs (the sender); Alice syncs them in
 *   (the receiver), total and git's own time apart (TeamSyncResult.timings);
 * - Alice unlocks the team vault (it is a local vault: one data key), against what it replaces,
 *   opening the team folder and decrypting and checking all 1,000 entry files;
 * - Alice removes Carol (the whole operation, git included), and apart from it the re-encryption of
 *   every file, on a copy of the same folder without git.
 */
export interface TeamVaultBenchOptions {
  entries?: number;
  changed?: number;
  /** Rounds of "Bob changes `changed` entries, Bob syncs, Alice syncs" (default 5). */
  syncRounds?: number;
  /** Timed unlocks (default 20) and folder reads (default 5). */
  unlockRuns?: number;
  folderRuns?: number;
}

export interface TeamVaultBench {
  entries: number;
  changed: number;
  /** Context only: addEntry × entries, and the share that encrypts, commits and pushes them. */
  seedMs: number;
  shareMs: number;
  joinMs: number;
  /** Sorted, one per round. */
  sendMs: number[];
  sendGitMs: number[];
  receiveMs: number[];
  receiveGitMs: number[];
  unlockMs: number[];
  folderReadMs: number[];
  removeMs: number;
  reencryptMs: number;
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
const median = (values: number[]): number => percentile(values, 50);
const fakeSecret = (i: number): string => `kh_team_${i}_${randomBytes(32).toString('base64url')}`;

interface Member {
  name: string;
  core: Core;
  keychain: MemoryKeychain;
  dataDir: string;
  line: string;
}

async function identityOf(member: Member): Promise<TeamIdentity> {
  const identity = await loadTeamIdentity(member.keychain, member.core.db.snapshot().installationId);
  if (identity === null) throw new Error(`${member.name} has no team identity`);
  return identity;
}

async function syncOk(core: Core, vaultId: string, expect: { sent?: number; received?: number } = {}) {
  const result = await core.teams.sync(vaultId);
  if (result.state !== 'synced') throw new Error(`sync ended ${result.state}: ${result.message ?? ''}`);
  if (expect.sent !== undefined && result.sent !== expect.sent) throw new Error(`sent ${result.sent}`);
  if (expect.received !== undefined && result.received !== expect.received) {
    throw new Error(`received ${result.received}, not ${expect.received}`);
  }
  return result;
}

export async function benchTeamVaults(options: TeamVaultBenchOptions = {}): Promise<TeamVaultBench> {
  const count = options.entries ?? 1_000;
  const changed = options.changed ?? 10;
  const syncRounds = options.syncRounds ?? 5;
  const unlockRuns = options.unlockRuns ?? 20;
  const folderRuns = options.folderRuns ?? 5;

  const root = await makeTempDir('keyhaven-bench-team');
  const members: Member[] = [];
  try {
    const init = await runGit(['init', '-q', '--bare', '--initial-branch=main', 'team.git'], { cwd: root.path });
    if (init.code !== 0) throw new Error('git init --bare failed');
    const remote = join(root.path, 'team.git');
    for (const name of ['Alice', 'Bob', 'Carol']) {
      const dataDir = join(root.path, name);
      const keychain = new MemoryKeychain();
      const core = await openCore({ dataDir, keychain, version: 'bench', console: false });
      const { line } = await core.teamIdentity.create(name);
      members.push({ name, core, keychain, dataDir, line });
    }
    const [alice, bob, carol] = members as [Member, Member, Member];

    // Seeding: entries added locally, then one share that encrypts, commits and pushes them all.
    const vault = await alice.core.vaults.vaults.createVault('Team bench');
    const seedMs = await timeMsAsync(async () => {
      for (let i = 0; i < count; i += 1) {
        await alice.core.vaults.entries.addEntry({
          vaultId: vault.id,
          name: `Team entry ${i}`,
          secret: fakeSecret(i),
          tags: ['bench', `team-${i % 7}`],
        });
      }
    });
    const shareMs = await timeMsAsync(() => alice.core.teams.share(vault.id, remote));
    await alice.core.teams.addMember(vault.id, bob.line);
    await alice.core.teams.addMember(vault.id, carol.line);
    let bobVault = '';
    const joinMs = await timeMsAsync(async () => {
      bobVault = (await bob.core.teams.join(remote, 'Team bench')).vaultId;
    });
    await carol.core.teams.join(remote, 'Team bench');
    if (bob.core.vaults.entries.listEntries(bobVault).length !== count)
      throw new Error('Bob joined without every entry');
    await bob.core.vaults.vaults.unlock(bobVault);

    // Sync: Bob changes `changed` entries (new keys), sends them; Alice takes them in.
    const bobEntries = bob.core.vaults.entries.listEntries(bobVault);
    const sendMs: number[] = [];
    const sendGitMs: number[] = [];
    const receiveMs: number[] = [];
    const receiveGitMs: number[] = [];
    for (let round = 0; round < syncRounds; round += 1) {
      for (let i = 0; i < changed; i += 1) {
        const entry = bobEntries[(round * changed + i) % bobEntries.length];
        if (entry === undefined) throw new Error('no entry to change');
        await bob.core.vaults.entries.updateEntry({ entryId: entry.id, secret: fakeSecret(count + round * 100 + i) });
      }
      const sent = await syncOk(bob.core, bobVault, { sent: changed });
      sendMs.push(sent.timings.totalMs);
      sendGitMs.push(sent.timings.gitMs);
      const received = await syncOk(alice.core, vault.id, { received: changed });
      receiveMs.push(received.timings.totalMs);
      receiveGitMs.push(received.timings.gitMs);
    }

    // Unlock of the (local) team vault after a lock, against opening and reading the team folder.
    const unlockMs: number[] = [];
    for (let run = 0; run < unlockRuns; run += 1) {
      alice.core.vaults.vaults.lock(vault.id);
      unlockMs.push(await timeMsAsync(() => alice.core.vaults.vaults.unlock(vault.id)));
    }
    const aliceIdentity = await identityOf(alice);
    const folder = workingCopyOf(alice.dataDir, vault.id);
    const folderReadMs: number[] = [];
    for (let run = 0; run < folderRuns; run += 1) {
      folderReadMs.push(
        await timeMsAsync(async () => {
          const read = await readAllTeamEntries(await openTeamVault(folder, aliceIdentity));
          if (read.entries.length !== count || read.refused.length !== 0) throw new Error('the folder read failed');
        }),
      );
    }

    // Re-encryption alone: the same removal on a copy of the folder, files only (no git, no local vault).
    const copy = join(root.path, 'reencrypt-copy');
    await cp(folder, copy, { recursive: true });
    const copied = await openTeamVault(copy, aliceIdentity);
    const carolFingerprint = (await identityOf(carol)).fingerprint;
    const reencryptMs = await timeMsAsync(() => removeTeamMember(copied, carolFingerprint, new Date()));

    const removeMs = await timeMsAsync(async () => {
      const removal = await alice.core.teams.removeMember(vault.id, 'Carol');
      if (removal.exposed.length !== count) throw new Error(`${removal.exposed.length} entries marked, not ${count}`);
    });

    return {
      entries: count,
      changed,
      seedMs,
      shareMs,
      joinMs,
      sendMs: sorted(sendMs),
      sendGitMs: sorted(sendGitMs),
      receiveMs: sorted(receiveMs),
      receiveGitMs: sorted(receiveGitMs),
      unlockMs: sorted(unlockMs),
      folderReadMs: sorted(folderReadMs),
      removeMs,
      reencryptMs,
    };
  } finally {
    for (const member of members) await member.core.close().catch(() => undefined);
    await root.remove();
  }
}

/** The bench's table rows, in run.ts's [measure, result, target] form. */
export function teamVaultBenchRows(b: TeamVaultBench): BenchRow[] {
  const n = b.entries.toLocaleString('en-US');
  const receive = median(b.receiveMs);
  const receiveGit = median(b.receiveGitMs);
  const send = median(b.sendMs);
  const sendGit = median(b.sendGitMs);
  const unlock = median(b.unlockMs);
  const folder = median(b.folderReadMs);
  const own = (total: number, git: number) =>
    `median ${fmt(total, 0)} ms (git ${fmt(git, 0)} ms, Keyhaven ${fmt(total - git, 0)} ms)`;
  return [
    [
      `Team vault (${n} entries): sync in ${b.changed} entries a teammate changed`,
      own(receive, receiveGit),
      '≤ 1 s + git',
    ],
    [`Team vault: sync out ${b.changed} changed entries (the teammate)`, own(send, sendGit), '—'],
    [
      `Team vault: unlock (local data key) after lock`,
      `p50 ${fmt(unlock, 2)} ms · p95 ${fmt(percentile(b.unlockMs, 95), 2)} ms`,
      '≤ 200 ms',
    ],
    [`Team folder: open + decrypt and check all ${n} entry files`, `median ${fmt(folder, 0)} ms`, '—'],
    ['Team folder read ÷ unlock', `${fmt(folder / unlock, 0)} ×`, '—'],
    [`Team vault: remove a member (${n} entries re-encrypted, git included)`, `${fmt(b.removeMs, 0)} ms`, '≤ 3 s'],
    [
      `Re-encryption alone (${n} files read, re-signed, re-encrypted; no git)`,
      `${fmt(b.reencryptMs, 0)} ms · ${fmt((b.reencryptMs / b.removeMs) * 100, 0)} % of removal`,
      '—',
    ],
  ];
}
