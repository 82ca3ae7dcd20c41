import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptWith } from '../../../electron/core/team/team-age';
import {
  deleteTeamEntry,
  readAllTeamEntries,
  readTeamEntry,
  writeSignedEntry,
  writeTeamEntry,
} from '../../../electron/core/team/team-entries';
import { entryFileOf, keyFileOf, KEYS_DIR, readTeamFormat } from '../../../electron/core/team/team-format';
import type { TeamIdentity } from '../../../electron/core/team/team-identity';
import { readMemberRecords } from '../../../electron/core/team/team-members';
import {
  addTeamMember,
  createTeamVault,
  openTeamVault,
  removeTeamMember,
  rotateTeamVaultKey,
  type OpenedTeamVault,
} from '../../../electron/core/team/team-vault';
import { makeTempDir } from '../../support/temp-dir';
import { makeIdentities, teamEntry } from './team-fixture';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const LATER = new Date('2026-12-03T10:00:00.000Z');
const publicOf = (who: TeamIdentity) => ({
  name: who.name,
  recipient: who.recipient,
  signingKey: who.signingPublicKey,
});

describe('removing member B from a vault of A, B and read-only C', () => {
  let root: string;
  let remove: () => Promise<void>;
  let a: TeamIdentity, b: TeamIdentity, c: TeamIdentity;
  let asA: OpenedTeamVault;
  let asB: OpenedTeamVault;

  beforeEach(async () => {
    ({ path: root, remove } = await makeTempDir('keyhaven-team'));
    [a, b, c] = await makeIdentities('Ada', 'Bob', 'Cy');
    asA = await createTeamVault(root, a, NOW);
    asA = await addTeamMember(asA, publicOf(b), { readOnly: false }, NOW);
    asA = await addTeamMember(asA, publicOf(c), { readOnly: true }, NOW);
    asB = await openTeamVault(root, b);
  });
  afterEach(() => remove());

  it('returns the entries B could read, and leaves B no key and nothing new to read', async () => {
    const byA = teamEntry(a, 'sk_live_a');
    const byB = teamEntry(b, 'sk_live_b', { name: 'Written by Bob' });
    const gone = teamEntry(a, 'sk_live_deleted');
    await writeTeamEntry(asA, byA);
    await writeTeamEntry(asB, byB);
    await writeTeamEntry(asA, gone);
    await deleteTeamEntry(asA, gone.id, NOW);
    const oldVaultKey = asB.vaultKey.identity;

    const { vault, exposedEntryIds, refused } = await removeTeamMember(asA, b.fingerprint, LATER);
    expect(exposedEntryIds).toEqual([byA.id, byB.id].sort());
    expect(refused).toEqual([]);
    expect(vault.vaultKey.epoch).toBe(2);
    expect(vault.members.has(b.fingerprint)).toBe(false);
    expect(vault.former.get(b.fingerprint)?.name).toBe('Bob');
    expect((await readMemberRecords(root)).at(-1)).toMatchObject({
      signer: a.fingerprint,
      action: { type: 'remove', fingerprint: b.fingerprint, vaultRecipient: vault.vaultKey.recipient, keyEpoch: 2 },
    });
    expect(await readTeamFormat(root)).toMatchObject({ vaultRecipient: vault.vaultKey.recipient, keyEpoch: 2 });

    // B's wrap is gone, and B's identity opens no wrap that is left.
    const wraps = await readdir(join(root, KEYS_DIR));
    expect(wraps.sort()).toEqual([`${a.fingerprint}.age`, `${c.fingerprint}.age`].sort());
    for (const wrap of wraps) {
      expect(await decryptWith(b.ageIdentity, await readFile(join(root, KEYS_DIR, wrap), 'utf8'))).toBeNull();
    }
    await expect(openTeamVault(root, b)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Everything was re-encrypted: the vault key B kept opens no file, old or new.
    const fresh = teamEntry(a, 'sk_live_after_removal');
    await writeTeamEntry(vault, fresh);
    for (const id of [byA.id, byB.id, gone.id, fresh.id]) {
      expect(await decryptWith(oldVaultKey, await readFile(join(root, entryFileOf(id)), 'utf8'))).toBeNull();
    }

    // The others read on, B's earlier entry included (A checked it and signed it again).
    const asC = await openTeamVault(root, c);
    const { entries, tombstones } = await readAllTeamEntries(asC);
    expect(entries.map((e) => e.secret).sort()).toEqual(['sk_live_a', 'sk_live_after_removal', 'sk_live_b']);
    expect(entries.find((e) => e.id === byB.id)?.updatedBy).toBe(b.fingerprint);
    expect(tombstones.map((t) => t.id)).toEqual([gone.id]);
  });

  it('refuses, from then on, what B signs even with a vault key B got hold of', async () => {
    const { vault } = await removeTeamMember(asA, b.fingerprint, LATER);
    const forged = teamEntry(b, 'sk_live_from_removed_b');
    await writeSignedEntry({ ...vault, me: b }, forged);
    await expect(readTeamEntry(vault, forged.id)).rejects.toMatchObject({ reason: 'not-a-member' });
  });

  it('keeps a forged file out of the re-encryption: it is reported, never signed by the remover', async () => {
    const asC = await openTeamVault(root, c);
    const forged = teamEntry(c, 'sk_live_forged');
    await writeSignedEntry(asC, forged);
    const { exposedEntryIds, refused, vault } = await removeTeamMember(asA, b.fingerprint, LATER);
    expect(exposedEntryIds).toEqual([]);
    expect(refused.map((r) => [r.file, r.reason])).toEqual([[entryFileOf(forged.id), 'read-only-signer']]);
    await expect(readTeamEntry(vault, forged.id)).rejects.toMatchObject({ reason: 'undecryptable' });
  });

  it('refuses to change members with a key another member has since rotated; a stray wrap goes with a rotation', async () => {
    const { vault } = await rotateTeamVaultKey(asB, LATER);
    await expect(removeTeamMember(asA, c.fingerprint, LATER)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addTeamMember(asA, publicOf(c), { readOnly: true }, LATER)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const stray = join(root, keyFileOf('0123456789abcdef'));
    await writeFile(stray, await readFile(join(root, keyFileOf(a.fingerprint))));
    await rotateTeamVaultKey(vault, LATER);
    expect((await readdir(join(root, KEYS_DIR))).sort()).toEqual(
      [a, b, c].map((who) => `${who.fingerprint}.age`).sort(),
    );
  });

  it('refuses to remove oneself or a stranger, and a read-only member cannot remove anyone', async () => {
    await expect(removeTeamMember(asA, a.fingerprint, LATER)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(removeTeamMember(asA, '0123456789abcdef', LATER)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const asC = await openTeamVault(root, c);
    await expect(removeTeamMember(asC, b.fingerprint, LATER)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readdir(join(root, KEYS_DIR))).toContain(`${b.fingerprint}.age`);
  });

  it('rotates the vault key without removing anyone: every member opens the new key', async () => {
    const entry = teamEntry(a, 'sk_live_rotated');
    await writeTeamEntry(asA, entry);
    const { vault } = await rotateTeamVaultKey(asA, LATER);
    expect(vault.vaultKey.recipient).not.toBe(asA.vaultKey.recipient);
    for (const who of [a, b, c]) {
      const opened = await openTeamVault(root, who, { teamId: asA.teamId, head: vault.head });
      expect(await readTeamEntry(opened, entry.id)).toEqual({ kind: 'entry', entry });
    }
    expect(
      await decryptWith(asA.vaultKey.identity, await readFile(join(root, keyFileOf(a.fingerprint)), 'utf8')),
    ).toBeNull();
  });
});
