import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberRecord } from '../../../shared/domain/team';
import { encryptTo } from '../../../electron/core/team/team-age';
import { keyFileOf, MEMBERS_FILE, TEAM_FILE } from '../../../electron/core/team/team-format';
import type { TeamIdentity } from '../../../electron/core/team/team-identity';
import {
  readMemberRecords,
  signRecord,
  verifyMemberChain,
  writeMemberRecords,
} from '../../../electron/core/team/team-members';
import { newVaultKey } from '../../../electron/core/team/team-vault-key';
import {
  addTeamMember,
  createTeamVault,
  openTeamVault,
  removeTeamMember,
  type OpenedTeamVault,
} from '../../../electron/core/team/team-vault';
import { makeTempDir } from '../../support/temp-dir';
import { makeIdentities } from './team-fixture';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const memberOf = (who: TeamIdentity, readOnly = false) => ({
  name: who.name,
  recipient: who.recipient,
  signingKey: who.signingPublicKey,
  readOnly,
});

describe('members.json: a signed chain of records', () => {
  let root: string;
  let remove: () => Promise<void>;
  let a: TeamIdentity, b: TeamIdentity, c: TeamIdentity, outsider: TeamIdentity;
  let asA: OpenedTeamVault;
  let records: MemberRecord[];

  beforeEach(async () => {
    ({ path: root, remove } = await makeTempDir('keyhaven-team'));
    [a, b, c, outsider] = await makeIdentities('Ada', 'Bob', 'Cy', 'Mallory');
    asA = await createTeamVault(root, a, NOW);
    asA = await addTeamMember(asA, memberOf(b), { readOnly: false }, NOW);
    asA = await addTeamMember(asA, memberOf(c), { readOnly: true }, NOW);
    records = await readMemberRecords(root);
  });
  afterEach(() => remove());

  const refusalOf = (chain: readonly unknown[], pin?: Parameters<typeof verifyMemberChain>[1]) => {
    try {
      verifyMemberChain(chain, pin);
    } catch (error) {
      return error as { code: string; reason: string; file: string; message: string };
    }
    throw new Error('The chain was accepted.');
  };

  it('yields the current members from the genesis on, with C read-only', () => {
    const state = verifyMemberChain(records);
    expect(records.map((r) => r.action.type)).toEqual(['create', 'add', 'add']);
    expect(records[0]?.prev).toBeNull();
    expect(state.teamId).toBe(asA.teamId);
    expect([...state.members.entries()]).toEqual([
      [a.fingerprint, memberOf(a)],
      [b.fingerprint, memberOf(b)],
      [c.fingerprint, memberOf(c, true)],
    ]);
    expect(state.head).toEqual(asA.head);
  });

  it('refuses a chain with a record removed, reordered or altered', () => {
    expect(refusalOf([records[0], records[2]])).toMatchObject({
      code: 'TAMPERED',
      reason: 'broken-chain',
      file: MEMBERS_FILE,
    });
    expect(refusalOf([records[0], records[2], records[1]])).toMatchObject({ reason: 'broken-chain' });
    expect(refusalOf([records[1], records[2]])).toMatchObject({ reason: 'broken-chain' });
    // C made a writer after the fact: the signature no longer matches.
    const promoted = structuredClone(records);
    const add = promoted[2]?.action;
    if (add?.type !== 'add') throw new Error('expected an add record');
    add.member.readOnly = false;
    expect(refusalOf(promoted)).toMatchObject({
      reason: 'bad-signature',
      message: expect.stringContaining('record 2'),
    });
    // Every field is signed: moving a record's time alone breaks it too.
    const retimed = structuredClone(records);
    if (retimed[1]) retimed[1].at = '2026-12-01T11:00:00.000Z';
    expect(refusalOf(retimed)).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuses a record signed by the read-only member or by a non-member', () => {
    const byC = [...records, signRecord(records, { type: 'add', member: memberOf(outsider) }, c, NOW)];
    expect(refusalOf(byC)).toMatchObject({ reason: 'read-only-signer' });
    const byOutsider = [...records, signRecord(records, { type: 'add', member: memberOf(outsider) }, outsider, NOW)];
    expect(refusalOf(byOutsider)).toMatchObject({ reason: 'not-a-member' });
    // Claiming to be A while signing with the outsider's key.
    const claimed = signRecord(records, { type: 'add', member: memberOf(outsider) }, outsider, NOW);
    expect(refusalOf([...records, { ...claimed, signer: a.fingerprint }])).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuses, once pinned, a whole new chain and a chain cut back to before a removal', async () => {
    // The git host starts its own team in the same place: valid in itself, but not this team.
    const other = await makeTempDir('keyhaven-other');
    try {
      await createTeamVault(other.path, outsider, NOW);
      const foreign = await readMemberRecords(other.path);
      expect(refusalOf(foreign, { teamId: asA.teamId })).toMatchObject({ reason: 'wrong-team' });
      await writeFile(join(root, MEMBERS_FILE), await readFile(join(other.path, MEMBERS_FILE)));
      await writeFile(join(root, TEAM_FILE), await readFile(join(other.path, TEAM_FILE)));
      await expect(openTeamVault(root, a, { teamId: asA.teamId })).rejects.toMatchObject({ reason: 'wrong-team' });
    } finally {
      await other.remove();
    }
    await writeMemberRecords(root, records);
    const { vault } = await removeTeamMember(asA, b.fingerprint, NOW);
    const after = await readMemberRecords(root);
    expect(after).toHaveLength(4);
    // Dropping the removal is a valid chain on its own; only the pin catches it.
    expect(() => verifyMemberChain(after.slice(0, 3))).not.toThrow();
    expect(refusalOf(after.slice(0, 3), { teamId: vault.teamId, head: vault.head })).toMatchObject({
      reason: 'broken-chain',
      message: expect.stringContaining('rewritten'),
    });
  });

  it('refuses a keyhaven-team.json naming another vault key, and a wrap holding a key the chain does not name', async () => {
    const text = await readFile(join(root, TEAM_FILE), 'utf8');
    const intruder = await newVaultKey(1);
    await writeFile(join(root, TEAM_FILE), text.replace(asA.vaultKey.recipient, intruder.recipient));
    await expect(openTeamVault(root, b)).rejects.toMatchObject({ reason: 'wrong-vault-key', file: TEAM_FILE });
    await writeFile(join(root, TEAM_FILE), text);

    // Anyone can encrypt to B's recipient: a planted wrap must not make B use the intruder's key.
    const planted = `# planted\n${intruder.identity}\n`;
    await writeFile(join(root, keyFileOf(b.fingerprint)), await encryptTo(b.recipient, planted));
    await expect(openTeamVault(root, b)).rejects.toMatchObject({
      reason: 'wrong-vault-key',
      file: keyFileOf(b.fingerprint),
    });
    expect((await openTeamVault(root, c)).vaultKey.recipient).toBe(asA.vaultKey.recipient);
  });
});
