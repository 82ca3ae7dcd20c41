import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { SecretReferences } from '../../../electron/core/vaults/secret-references';
import { parseSecretReference } from '../../../shared/domain/secret-reference';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const STRIPE = 'sk_live_C0r3R3fT3st9xQ2vLm8Kp4Zw';
const OPENAI = 'sk-proj-0p3n41K3yT3stV4lu3xyz';

let opened: TestCore | null = null;
afterEach(async () => {
  await opened?.dispose();
  opened = null;
});

/** A core with the vault "Team keys" holding two entries (one with a base URL), all vaults locked. */
async function setUp() {
  opened = await openTestCore();
  const { core } = opened;
  const team = await core.vaults.vaults.createVault('Team keys');
  const stripe = await core.vaults.entries.addEntry({ vaultId: team.id, name: 'Deploy/prod', secret: STRIPE });
  const openai = await core.vaults.entries.addEntry({
    vaultId: team.id,
    name: 'OpenAI',
    secret: `Authorization: Bearer ${OPENAI}`,
    baseUrl: 'https://api.openai.com',
  });
  core.vaults.vaults.lockAll();
  const refs = new SecretReferences(() => core.vaults, core.db);
  const reads = () => core.db.activity.list().filter((record) => record.type === 'entry.read');
  return { ...opened, team, stripe, openai, refs, reads };
}

const ref = (text: string) => parseSecretReference(text);

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return error instanceof CoreError ? error.code : `not a CoreError: ${String(error)}`;
  }
  return 'no error';
}

describe('SecretReferences.find', () => {
  it('finds a vault and an entry by name, ignoring case, or by id', async () => {
    const { refs, team, stripe } = await setUp();
    expect(refs.findVault('team KEYS').id).toBe(team.id);
    expect(refs.findVault(team.id).name).toBe('Team keys');
    const byName = refs.find(ref('kh://TEAM%20keys/deploy%2FPROD'));
    expect([byName.vault.id, byName.entry.id]).toEqual([team.id, stripe.id]);
    const byId = refs.find(ref(`kh://${team.id}/${stripe.id}/header`));
    expect([byId.vault.id, byId.entry.id, byId.reference.field]).toEqual([team.id, stripe.id, 'header']);
  });

  it('an unknown vault or entry is NOT_FOUND, naming what was asked for', async () => {
    const { refs } = await setUp();
    expect(codeOf(() => refs.find(ref('kh://Nowhere/OpenAI')))).toBe('NOT_FOUND');
    expect(codeOf(() => refs.find(ref('kh://Team%20keys/Ghost')))).toBe('NOT_FOUND');
    expect(() => refs.find(ref('kh://Team%20keys/Ghost'))).toThrow(/Ghost.*Team keys/);
    // An entry of another vault is not found through this one.
    expect(codeOf(() => refs.find(ref('kh://Personal/OpenAI')))).toBe('NOT_FOUND');
  });

  it('two entries with one name (any case) are a CONFLICT; each id still resolves', async () => {
    const { core, refs, team } = await setUp();
    await core.vaults.vaults.withUnlocked([team.id], () =>
      core.vaults.entries.addEntry({ vaultId: team.id, name: 'openai', secret: 'other-secret-value' }),
    );
    expect(codeOf(() => refs.find(ref('kh://Team%20keys/OpenAI')))).toBe('CONFLICT');
    expect(() => refs.find(ref('kh://Team%20keys/OpenAI'))).toThrow(/2 entries/);
    for (const entry of core.vaults.entries.listEntries(team.id).filter((e) => e.name.toLowerCase() === 'openai'))
      expect(refs.find(ref(`kh://Team%20keys/${entry.id}`)).entry.id).toBe(entry.id);
  });

  it('two vaults named alike would be a CONFLICT too, and an id picks one', async () => {
    const { core, refs } = await setUp();
    // Vault names are unique by the service's rule; the resolver must still refuse to guess.
    const listed = core.vaults.vaults.listVaults();
    const twin = { ...listed[0]!, id: '99999999-9999-4999-8999-999999999999' };
    vi.spyOn(core.vaults.vaults, 'listVaults').mockReturnValue([...listed, twin]);
    expect(codeOf(() => refs.findVault(listed[0]!.name.toUpperCase()))).toBe('CONFLICT');
    expect(refs.findVault(twin.id).id).toBe(twin.id);
  });
});

describe('SecretReferences.read', () => {
  it('returns the values in order: key, header line, scheme, base URL', async () => {
    const { refs } = await setUp();
    const values = await refs.read(
      [
        ref('kh://Team%20keys/Deploy%2Fprod'),
        ref('kh://Team%20keys/OpenAI/header'),
        ref('kh://Team%20keys/OpenAI/scheme'),
        ref('kh://Team%20keys/OpenAI/base-url'),
      ],
      'a test',
    );
    expect(values).toEqual([STRIPE, `Authorization: Bearer ${OPENAI}`, 'bearer', 'https://api.openai.com']);
  });

  it('records one entry.read per distinct entry, in one commit, even when an entry is named twice', async () => {
    const { core, refs, reads } = await setUp();
    const commit = vi.spyOn(core.db, 'commit');
    await refs.read(
      [
        ref('kh://Team%20keys/OpenAI'),
        ref('kh://team%20keys/openai/header'),
        ref('kh://Team%20keys/Deploy%2Fprod'),
        ref('kh://Team%20keys/OpenAI/scheme'),
      ],
      'keyhaven run',
    );
    expect(commit).toHaveBeenCalledTimes(1);
    const records = reads();
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.summary).sort()).toEqual([
      'Vault "Team keys": key of "Deploy/prod" read by keyhaven run',
      'Vault "Team keys": key of "OpenAI" read by keyhaven run',
    ]);
    expect(records.every((r) => r.appId === null && r.issuedKeyId === null && r.keyLabel === null)).toBe(true);
    expect(records[0]?.seq).toBe((records[1]?.seq ?? 0) + 1);
    const all = JSON.stringify(core.db.activity.list());
    expect(all).not.toContain(STRIPE);
    expect(all).not.toContain(OPENAI);
  });

  it('leaves locked vaults locked after the read', async () => {
    const { core, refs, team } = await setUp();
    await refs.read([ref('kh://Team%20keys/OpenAI')], 'a test');
    expect(core.vaults.vaults.summary(team.id).locked).toBe(true);
  });

  it('scheme and base-url need no keychain and write no record', async () => {
    const { core, refs, reads, keychain } = await setUp();
    keychain.unavailable = true;
    const commit = vi.spyOn(core.db, 'commit');
    const values = await refs.read(
      [ref('kh://Team%20keys/OpenAI/scheme'), ref('kh://Team%20keys/OpenAI/base-url')],
      'a test',
    );
    expect(values).toEqual(['bearer', 'https://api.openai.com']);
    expect(commit).not.toHaveBeenCalled();
    expect(reads()).toEqual([]);
  });

  it('a key needs the keychain: KEYCHAIN_UNAVAILABLE and no record', async () => {
    const { refs, reads, keychain } = await setUp();
    keychain.unavailable = true;
    await expect(refs.read([ref('kh://Team%20keys/OpenAI')], 'a test')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(reads()).toEqual([]);
  });

  it('a missing base URL is NOT_FOUND, and nothing is recorded for the batch', async () => {
    const { refs, reads } = await setUp();
    await expect(
      refs.read([ref('kh://Team%20keys/OpenAI'), ref('kh://Team%20keys/Deploy%2Fprod/base-url')], 'a test'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/base URL/) });
    expect(reads()).toEqual([]);
  });

  it('an unknown reference in a batch fails it before any key is opened or recorded', async () => {
    const { refs, reads, keychain } = await setUp();
    const get = vi.spyOn(keychain, 'get');
    await expect(
      refs.read([ref('kh://Team%20keys/OpenAI'), ref('kh://Team%20keys/Ghost')], 'a test'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(get).not.toHaveBeenCalled();
    expect(reads()).toEqual([]);
  });
});
