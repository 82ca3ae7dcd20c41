import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptWith, encryptTo } from '../../../electron/core/team/team-age';
import {
  deleteTeamEntry,
  readAllTeamEntries,
  readTeamEntry,
  writeSignedEntry,
  writeTeamEntry,
} from '../../../electron/core/team/team-entries';
import { TeamFileRefusedError } from '../../../electron/core/team/team-errors';
import { entryFileOf } from '../../../electron/core/team/team-format';
import type { TeamIdentity } from '../../../electron/core/team/team-identity';
import {
  addTeamMember,
  createTeamVault,
  openTeamVault,
  type OpenedTeamVault,
} from '../../../electron/core/team/team-vault';
import { makeTempDir } from '../../support/temp-dir';
import { makeIdentities, teamEntry } from './team-fixture';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const publicOf = (who: TeamIdentity) => ({
  name: who.name,
  recipient: who.recipient,
  signingKey: who.signingPublicKey,
});

describe('a team vault with a writer A, a writer B and a read-only C', () => {
  let root: string;
  let remove: () => Promise<void>;
  let a: TeamIdentity, b: TeamIdentity, c: TeamIdentity, outsider: TeamIdentity;
  let asA: OpenedTeamVault;

  beforeEach(async () => {
    ({ path: root, remove } = await makeTempDir('keyhaven-team'));
    [a, b, c, outsider] = await makeIdentities('Ada', 'Bob Builder', 'Cy', 'Mallory');
    asA = await createTeamVault(root, a, NOW);
    asA = await addTeamMember(asA, publicOf(b), { readOnly: false }, NOW);
    asA = await addTeamMember(asA, publicOf(c), { readOnly: true }, NOW);
  });
  afterEach(() => remove());

  /** What a refused read says: its code, file and reason (the message never holds the secret). */
  async function refusal(vault: OpenedTeamVault, id: string) {
    const error = await readTeamEntry(vault, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamFileRefusedError);
    const refused = error as TeamFileRefusedError;
    expect(refused.message).toContain(entryFileOf(id));
    return { code: refused.code, file: refused.file, reason: refused.reason, message: refused.message };
  }

  it('lets every member open it and read what A and B wrote; C’s writes are refused by the API', async () => {
    const fromA = teamEntry(a, 'sk_live_from_a');
    await writeTeamEntry(asA, fromA);
    const asB = await openTeamVault(root, b, { teamId: asA.teamId, head: asA.head });
    const fromB = teamEntry(b, 'sk_live_from_b', { name: 'Resend', tags: [] });
    await writeTeamEntry(asB, fromB);
    const asC = await openTeamVault(root, c);
    for (const vault of [asA, asB, asC]) {
      const { entries, refused } = await readAllTeamEntries(vault);
      expect(refused).toEqual([]);
      expect(entries.map((e) => e.secret).sort()).toEqual(['sk_live_from_a', 'sk_live_from_b']);
    }
    expect(await readTeamEntry(asC, fromB.id)).toEqual({ kind: 'entry', entry: fromB });
    await expect(writeTeamEntry(asC, teamEntry(c, 'nope'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(addTeamMember(asC, publicOf(outsider), { readOnly: false }, NOW)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(openTeamVault(root, outsider)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const mistyped = { ...publicOf(outsider), recipient: `${outsider.recipient.slice(0, -1)}q` };
    if (mistyped.recipient === outsider.recipient) mistyped.recipient = `${outsider.recipient.slice(0, -1)}p`;
    await expect(addTeamMember(asA, mistyped, { readOnly: false }, NOW)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('checksum'),
    });
  });

  it('lays the folder out as documented, and is only created in an empty folder', async () => {
    const files = await readdir(root, { recursive: true });
    expect(files.sort()).toEqual(
      [
        '.gitattributes',
        'keyhaven-team.json',
        'keys',
        `keys/${a.fingerprint}.age`,
        `keys/${b.fingerprint}.age`,
        `keys/${c.fingerprint}.age`,
        'members.json',
      ].sort(),
    );
    expect(JSON.parse(await readFile(join(root, 'keyhaven-team.json'), 'utf8'))).toEqual({
      format: 'keyhaven-team',
      version: 1,
      teamId: asA.teamId,
      vaultRecipient: asA.vaultKey.recipient,
      keyEpoch: 1,
    });
    await expect(createTeamVault(root, outsider, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('hides names, signers and secrets from anyone without the vault key', async () => {
    const entry = teamEntry(a, 'sk_live_hidden_value');
    await writeTeamEntry(asA, entry);
    const file = await readFile(join(root, entryFileOf(entry.id)), 'utf8');
    expect(file).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    for (const clear of ['sk_live_hidden_value', 'Stripe', a.fingerprint]) expect(file).not.toContain(clear);
    expect(await decryptWith(outsider.ageIdentity, file)).toBeNull();
    // Padded inside the encryption: a 10-character key and a 300-character one make files of one size.
    const short = teamEntry(a, 'k'.repeat(10));
    const long = teamEntry(a, 'k'.repeat(300));
    await writeTeamEntry(asA, short);
    await writeTeamEntry(asA, long);
    const sizeOf = async (id: string) => (await readFile(join(root, entryFileOf(id)))).length;
    expect(await sizeOf(short.id)).toBe(await sizeOf(long.id));
    expect(await readTeamEntry(asA, long.id)).toEqual({ kind: 'entry', entry: long });
  });

  it('says a folder without keyhaven-team.json is not a team vault', async () => {
    const empty = await makeTempDir('keyhaven-empty');
    try {
      await expect(openTeamVault(empty.path, a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await empty.remove();
    }
  });

  it('refuses an entry forged by the read-only member C, even though C holds the vault key', async () => {
    const asC = await openTeamVault(root, c);
    const forged = teamEntry(c, 'sk_live_attacker', { updatedBy: a.fingerprint });
    // C's own tools: sign as C, encrypt to the vault's (public) recipient.
    await writeSignedEntry(asC, forged);
    expect(await refusal(asA, forged.id)).toMatchObject({ code: 'TAMPERED', reason: 'read-only-signer' });
    const { entries, refused } = await readAllTeamEntries(asA);
    expect(entries).toEqual([]);
    expect(refused.map((r) => r.file)).toEqual([entryFileOf(forged.id)]);
  });

  it('refuses an entry signed by someone who is not a member', async () => {
    const forged = teamEntry(outsider, 'sk_live_outsider');
    // The outsider needs only the vault's recipient, which keyhaven-team.json publishes.
    await writeSignedEntry({ ...asA, me: outsider }, forged);
    expect(await refusal(asA, forged.id)).toMatchObject({ reason: 'not-a-member' });
  });

  it('refuses a changed entry: bytes altered, contents re-encrypted with the old signature, or files swapped', async () => {
    const first = teamEntry(a, 'sk_live_first');
    const second = teamEntry(a, 'sk_live_second', { name: 'Other' });
    await writeTeamEntry(asA, first);
    await writeTeamEntry(asA, second);
    const path = (id: string) => join(root, entryFileOf(id));

    const original = await readFile(path(first.id), 'utf8');
    const lines = original.split('\n');
    const at = 3; // a line inside the payload
    lines[at] = `${lines[at]?.[0] === 'A' ? 'B' : 'A'}${lines[at]?.slice(1)}`;
    await writeFile(path(first.id), lines.join('\n'));
    expect(await refusal(asA, first.id)).toMatchObject({ reason: 'undecryptable' });

    // A member (holding the vault key) edits the secret but cannot re-sign as A.
    const plaintext = JSON.parse((await decryptWith(asA.vaultKey.identity, original)) ?? '{}') as {
      entry: { secret: string };
    };
    plaintext.entry.secret = 'sk_live_changed';
    await writeFile(path(first.id), await encryptTo(asA.vaultKey.recipient, JSON.stringify(plaintext)));
    expect(await refusal(asA, first.id)).toMatchObject({ reason: 'bad-signature' });

    await writeFile(path(first.id), await readFile(path(second.id)));
    expect(await refusal(asA, first.id)).toMatchObject({ reason: 'id-mismatch' });
    expect(await readTeamEntry(asA, second.id)).toEqual({ kind: 'entry', entry: second });
  });

  it('deletes an entry with a signed tombstone, which C cannot forge either', async () => {
    const entry = teamEntry(a, 'sk_live_to_delete');
    await writeTeamEntry(asA, entry);
    const later = new Date('2026-12-02T08:00:00.000Z');
    await deleteTeamEntry(asA, entry.id, later);
    expect(await readTeamEntry(asA, entry.id)).toEqual({
      kind: 'deleted',
      tombstone: { id: entry.id, deleted: true, deletedAt: later.toISOString(), deletedBy: a.fingerprint },
    });
    const asC = await openTeamVault(root, c);
    await expect(deleteTeamEntry(asC, entry.id, later)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const other = teamEntry(a, 'sk_live_kept');
    await writeTeamEntry(asA, other);
    await writeSignedEntry(asC, {
      id: other.id,
      deleted: true,
      deletedAt: later.toISOString(),
      deletedBy: c.fingerprint,
    });
    expect(await refusal(asA, other.id)).toMatchObject({ reason: 'read-only-signer' });
  });
});
