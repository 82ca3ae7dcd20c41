import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { vaultAccount } from '../../../electron/core/vaults/data-keys';
import { SCRYPT_N } from '../../../electron/core/vaults/export-format';
import { createPassphraseRecord, unlockPassphrase } from '../../../electron/core/vaults/passphrase-record';
import { VAULTS_FILE_NAME } from '../../../electron/core/vaults/vault-db';
import { MemoryKeychain } from '../../support/memory-keychain';
import { CANARY, openFixture } from './vault-fixture';

type Fixture = Awaited<ReturnType<typeof openFixture>>;
let fx: Fixture;
let memory: MemoryKeychain;
afterEach(() => fx?.dispose());

const PASSPHRASE = 'correct horse battery staple';

async function failure(promise: Promise<unknown>): Promise<CoreError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
  return error;
}

/** A vault holding one entry, the keychain value of its data key, and the vault locked again. */
async function vaultWithEntry() {
  const personal = fx.v.vaults.listVaults()[0]!;
  await fx.v.vaults.unlock(personal.id);
  const entry = await fx.v.entries.addEntry({ vaultId: personal.id, name: 'Pyas', preset: 'pyas', secret: CANARY });
  const plainKey = memory.entries.get(vaultAccount(personal.id))!;
  return { vaultId: personal.id, entryId: entry.id, plainKey };
}

describe('the Keyhaven passphrase', () => {
  it('without one, Unlock needs nothing more than the keychain (no presence check on this platform)', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    const { vaultId } = await vaultWithEntry();
    fx.v.vaults.lockAll();
    expect((await fx.v.vaults.unlock(vaultId)).locked).toBe(false);
  });

  it('once set, the keychain item alone no longer opens a vault, and Unlock asks for the passphrase every time', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    const { vaultId, entryId, plainKey } = await vaultWithEntry();
    await fx.v.passphrase.set({ passphrase: PASSPHRASE });

    const stored = memory.entries.get(vaultAccount(vaultId))!;
    expect(stored).not.toContain(plainKey);
    expect(stored.startsWith('kh-pw1:')).toBe(true);
    expect(await readFile(join(fx.dir, VAULTS_FILE_NAME), 'utf8')).not.toContain(PASSPHRASE);

    fx.v.vaults.lockAll();
    const missing = await failure(fx.v.vaults.unlock(vaultId));
    expect(missing.code).toBe('PASSPHRASE_REQUIRED');
    expect(missing.field).toBe('passphrase');
    const wrong = await failure(fx.v.vaults.unlock(vaultId, 'correct horse battery stable'));
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.message).not.toContain('stable');
    expect(fx.v.vaults.summary(vaultId).locked).toBe(true);

    await fx.v.vaults.unlock(vaultId, PASSPHRASE);
    expect(fx.v.entries.reveal(entryId).secret).toBe(CANARY);
    // Locking one vault and unlocking it again still asks: presence is proved per Unlock.
    fx.v.vaults.lock(vaultId);
    expect((await failure(fx.v.vaults.unlock(vaultId))).code).toBe('PASSPHRASE_REQUIRED');

    // After a restart nothing is held: the passphrase is needed again.
    await fx.reopen();
    expect((await failure(fx.v.vaults.unlock(vaultId))).code).toBe('PASSPHRASE_REQUIRED');
    await fx.v.vaults.unlock(vaultId, PASSPHRASE);
    expect(fx.v.entries.reveal(entryId).secret).toBe(CANARY);
  });

  it('background writes use the key entered until every vault locks; then they need it again', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    const { vaultId } = await vaultWithEntry();
    await fx.v.passphrase.set({ passphrase: PASSPHRASE });
    fx.v.vaults.lock(vaultId);
    // Entered in this session (set just now): a write into the locked vault still works.
    await fx.v.vaults.withUnlocked([vaultId], async () => undefined);
    expect(fx.v.vaults.summary(vaultId).locked).toBe(true);

    fx.v.vaults.lockAll();
    const refused = await failure(fx.v.vaults.withUnlocked([vaultId], async () => undefined));
    expect(refused.code).toBe('PASSPHRASE_REQUIRED');
    expect((await failure(fx.v.vaults.createVault('Team'))).code).toBe('PASSPHRASE_REQUIRED');

    await fx.v.vaults.enterPassphrase(PASSPHRASE);
    const team = await fx.v.vaults.createVault('Team');
    expect(memory.entries.get(vaultAccount(team.id))!.startsWith('kh-pw1:')).toBe(true);
    await fx.v.vaults.withUnlocked([vaultId], async () => undefined);
    expect((await failure(fx.v.vaults.enterPassphrase('not it at all'))).code).toBe('WRONG_PASSPHRASE');
  });

  it('changes only with the current passphrase, and then only the new one opens', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    const { vaultId, entryId } = await vaultWithEntry();
    await fx.v.passphrase.set({ passphrase: PASSPHRASE });
    const before = memory.entries.get(vaultAccount(vaultId));

    const noCurrent = await failure(fx.v.passphrase.set({ passphrase: 'a brand new passphrase' }));
    expect([noCurrent.code, noCurrent.field]).toEqual(['PASSPHRASE_REQUIRED', 'current']);
    const wrongCurrent = await failure(
      fx.v.passphrase.set({ passphrase: 'a brand new passphrase', current: 'nope nope nope' }),
    );
    expect([wrongCurrent.code, wrongCurrent.field]).toEqual(['WRONG_PASSPHRASE', 'current']);
    expect(memory.entries.get(vaultAccount(vaultId))).toBe(before);
    const tooShort = await failure(fx.v.passphrase.set({ passphrase: 'short', current: PASSPHRASE }));
    expect([tooShort.code, tooShort.field]).toEqual(['INVALID_INPUT', 'passphrase']);

    await fx.v.passphrase.set({ passphrase: 'a brand new passphrase', current: PASSPHRASE });
    fx.v.vaults.lockAll();
    expect((await failure(fx.v.vaults.unlock(vaultId, PASSPHRASE))).code).toBe('WRONG_PASSPHRASE');
    await fx.v.vaults.unlock(vaultId, 'a brand new passphrase');
    expect(fx.v.entries.reveal(entryId).secret).toBe(CANARY);
  });

  it('removing it puts plain keys back, and Unlock is one step again', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    const { vaultId, plainKey } = await vaultWithEntry();
    await fx.v.passphrase.set({ passphrase: PASSPHRASE });
    expect((await failure(fx.v.passphrase.remove({ current: 'nope nope nope' }))).code).toBe('WRONG_PASSPHRASE');
    await fx.v.passphrase.remove({ current: PASSPHRASE });
    expect(memory.entries.get(vaultAccount(vaultId))).toBe(plainKey);
    fx.v.vaults.lockAll();
    expect((await fx.v.vaults.unlock(vaultId)).locked).toBe(false);
  });

  it('a change interrupted after the record was written leaves plain keys that still open, and wraps them', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    const { vaultId, entryId, plainKey } = await vaultWithEntry();
    await fx.v.passphrase.set({ passphrase: PASSPHRASE });
    // As if the process died between committing the record and wrapping this vault's key.
    memory.entries.set(vaultAccount(vaultId), plainKey);
    await fx.reopen();
    await fx.v.vaults.unlock(vaultId, PASSPHRASE);
    expect(fx.v.entries.reveal(entryId).secret).toBe(CANARY);
    expect(memory.entries.get(vaultAccount(vaultId))!.startsWith('kh-pw1:')).toBe(true);
  });

  it('Touch ID guards Unlock on a Mac without a passphrase: a cancelled prompt leaves the vault locked', async () => {
    const reasons: string[] = [];
    let answer = false;
    fx = await openFixture((memory = new MemoryKeychain()), {
      kind: 'touch-id',
      confirm: async (reason) => (reasons.push(reason), answer),
    });
    const personal = fx.v.vaults.listVaults()[0]!;
    fx.v.vaults.lockAll();
    const refused = await failure(fx.v.vaults.unlock(personal.id));
    expect(refused.code).toBe('NOT_CONFIRMED');
    expect(fx.v.vaults.summary(personal.id).locked).toBe(true);
    answer = true;
    expect((await fx.v.vaults.unlock(personal.id)).locked).toBe(false);
    expect(reasons).toEqual(['unlock the vault "Personal"', 'unlock the vault "Personal"']);
  });

  it('an older vaults.json is migrated: no passphrase, the offer not yet made', async () => {
    fx = await openFixture((memory = new MemoryKeychain()));
    await fx.v.db.compact();
    await fx.v.close();
    const file = join(fx.dir, VAULTS_FILE_NAME);
    const current = JSON.parse(await readFile(file, 'utf8'));
    const { passphrase: _gone, crc: _checksum, ...rest } = current;
    const { passphraseOffered: _alsoGone, ...oldSettings } = current.settings;
    await writeFile(file, JSON.stringify({ ...rest, schemaVersion: 1, settings: oldSettings }));
    await fx.reopen();
    expect(fx.v.db.snapshot().passphrase).toBeNull();
    expect(fx.v.vaults.settings().passphraseOffered).toBe(false);
    expect(fx.v.vaults.listVaults()).toHaveLength(1);
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toContain('"schemaVersion":1');
  });

  it('uses scrypt at N=2^17 by default, and tells a wrong passphrase from the right one', async () => {
    const { record, key } = await createPassphraseRecord(PASSPHRASE, new Date('2026-12-03T10:00:00Z'));
    expect(record.kdf).toMatchObject({ name: 'scrypt', N: SCRYPT_N, r: 8, p: 1 });
    expect(SCRYPT_N).toBe(2 ** 17);
    expect((await unlockPassphrase(record, PASSPHRASE)).equals(key)).toBe(true);
    expect((await failure(unlockPassphrase(record, `${PASSPHRASE}!`))).code).toBe('WRONG_PASSPHRASE');
  });
});
