import { afterEach, describe, expect, it } from 'vitest';
import { deriveKey, SCRYPT_N } from '../../../electron/core/vaults/export-format';
import { passphraseStrength } from '../../../shared/security/passphrase-strength';
import { MemoryKeychain } from '../../support/memory-keychain';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

type Fixture = Awaited<ReturnType<typeof openFixture>>;
const fixtures: Fixture[] = [];
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.dispose();
});
const open = async () => {
  const fx = await openFixture(new MemoryKeychain());
  fixtures.push(fx);
  return fx;
};

const PASS = 'correct horse battery staple';
const FAST = { scryptN: 1024 }; // test-only cost; one test below uses the real N=2^17

async function source() {
  const fx = await open();
  const vault = await fx.v.vaults.createVault('Team');
  const a = await fx.v.entries.addEntry({
    vaultId: vault.id,
    name: 'Pyas',
    preset: 'pyas',
    secret: CANARY,
    tags: ['prod'],
  });
  await fx.v.entries.updateEntry({ entryId: a.id, secret: `${CANARY}-v2` });
  const b = await fx.v.entries.addEntry({
    vaultId: vault.id,
    name: 'atfinity',
    preset: 'atfinity',
    secret: 'atf_secret',
  });
  return { fx, vault, a, b };
}

const snapshotOf = (fx: Fixture) => JSON.stringify(fx.v.db.snapshot());
const message = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: Error) => e.message,
  );

describe('vault export and import', () => {
  it('round-trips a vault into another data dir with another keychain, with the real scrypt cost', async () => {
    const { fx, vault, a } = await source();
    const started = performance.now();
    const { file, entryCount } = await fx.v.transfer.exportVault(vault.id, PASS);
    console.info(`[vaults] export with scrypt N=2^17: ${Math.round(performance.now() - started)} ms`);
    expect(entryCount).toBe(2);
    expect(file.includes(Buffer.from(CANARY))).toBe(false);
    expect(file.toString().split('\n')[0]).toContain(`"N":${SCRYPT_N}`);

    const target = await open();
    const into = await target.v.vaults.createVault('Imported');
    const summary = await target.v.transfer.importInto(into.id, file, PASS);
    expect(summary).toEqual({ added: 2, replaced: 0, skipped: 0, keptBoth: 0 });
    const copy = target.v.entries.listEntries(into.id).find((e) => e.name === 'Pyas')!;
    expect(copy).toMatchObject({ id: a.id, secretVersion: 2, tags: ['prod'], scheme: { kind: 'x-api-key' } });
    expect(target.v.entries.reveal(copy.id).secret).toBe(`${CANARY}-v2`);
    await target.v.db.compact();
    expect(await filesContaining(target.dir, CANARY)).toEqual([]);
  }, 30_000);

  it('exports chosen entries only', async () => {
    const { fx, vault, b } = await source();
    const { entryCount } = await fx.v.transfer.exportVault(vault.id, PASS, { ...FAST, entryIds: [b.id] });
    expect(entryCount).toBe(1);
  });

  it('refuses a wrong passphrase, a truncated file, any changed byte and a newer version; nothing changes', async () => {
    const { fx, vault } = await source();
    const { file } = await fx.v.transfer.exportVault(vault.id, PASS, FAST);
    const target = await open();
    const into = await target.v.vaults.createVault('Target');
    await target.v.entries.addEntry({ vaultId: into.id, name: 'mine', secret: 'kept' });
    const before = snapshotOf(target);

    expect(await message(target.v.transfer.importInto(into.id, file, 'wrong passphrase here'))).toMatch(
      /wrong passphrase, or the file was changed/,
    );
    for (const cut of [1, 4, 20, file.length - 1, Math.floor(file.length / 2)]) {
      expect(await message(target.v.transfer.importInto(into.id, file.subarray(0, file.length - cut), PASS))).not.toBe(
        'resolved',
      );
    }
    for (let i = 0; i < file.length; i++) {
      const changed = Buffer.from(file);
      changed[i] = changed[i]! ^ (1 << (i % 8));
      expect(await message(target.v.transfer.importInto(into.id, changed, PASS)), `byte ${i}`).not.toBe('resolved');
    }
    const newer = Buffer.from(file.toString().replace('"version":1', '"version":2'));
    expect(await message(target.v.transfer.importInto(into.id, newer, PASS))).toMatch(/newer Keyhaven/);
    expect(await message(target.v.transfer.importInto(into.id, Buffer.from('not an export'), PASS))).toMatch(
      /truncated or damaged/,
    );
    expect(snapshotOf(target)).toBe(before);
  }, 60_000);

  it('resolves conflicts per entry: skip, replace, keep both, with a summary', async () => {
    const { fx, vault, a, b } = await source();
    const { file } = await fx.v.transfer.exportVault(vault.id, PASS, FAST);
    // Importing into the same vault: both entries clash by id.
    const preview = await fx.v.transfer.previewImport(vault.id, file, PASS);
    expect(preview.conflicts.map((c) => c.importedId).sort()).toEqual([a.id, b.id].sort());
    await fx.v.entries.updateEntry({ entryId: a.id, secret: 'local-change' });
    const summary = await fx.v.transfer.importInto(vault.id, file, PASS, {
      choices: { [a.id]: 'replace', [b.id]: 'keepBoth' },
    });
    expect(summary).toEqual({ added: 0, replaced: 1, skipped: 0, keptBoth: 1 });
    expect(fx.v.entries.reveal(a.id).secret).toBe(`${CANARY}-v2`);
    const names = fx.v.entries.listEntries(vault.id).map((e) => e.name);
    expect(names.sort()).toEqual(['Pyas', 'atfinity', 'atfinity (imported)']);
    expect(await fx.v.transfer.importInto(vault.id, file, PASS)).toEqual({
      added: 0,
      replaced: 0,
      skipped: 2,
      keptBoth: 0,
    });
    // The same file kept twice: the second copy gets a name of its own, not a second "(imported)".
    await fx.v.transfer.importInto(vault.id, file, PASS, { choices: { [b.id]: 'keepBoth' } });
    const again = fx.v.entries.listEntries(vault.id).map((e) => e.name);
    expect(again.sort()).toEqual(['Pyas', 'atfinity', 'atfinity (imported 2)', 'atfinity (imported)']);
  });

  it('keeps every value when two imported entries replace the same existing one', async () => {
    const fx = await open();
    const from = await fx.v.vaults.createVault('Twins');
    await fx.v.entries.addEntry({ vaultId: from.id, name: 'Pyas', secret: 'first-secret' });
    await fx.v.entries.addEntry({ vaultId: from.id, name: 'pyas', secret: 'second-secret' });
    const { file } = await fx.v.transfer.exportVault(from.id, PASS, FAST);
    const into = await fx.v.vaults.createVault('Target');
    const mine = await fx.v.entries.addEntry({ vaultId: into.id, name: 'PYAS', secret: 'local-secret' });
    const preview = await fx.v.transfer.previewImport(into.id, file, PASS);
    const choices = Object.fromEntries(preview.conflicts.map((c) => [c.importedId, 'replace' as const]));
    expect(Object.keys(choices)).toHaveLength(2);
    expect(await fx.v.transfer.importInto(into.id, file, PASS, { choices })).toMatchObject({ replaced: 2 });
    const [entry] = fx.v.entries.listEntries(into.id);
    expect(entry!.history.map((h) => h.version)).toEqual([1, 2]);
    const values = [1, 2, 3].map((version) => fx.v.entries.reveal(mine.id, version).secret);
    expect(values).toEqual(['local-secret', 'first-secret', 'second-secret']);
  });

  it('refuses a weak passphrase on export', async () => {
    const { fx, vault } = await source();
    for (const weak of ['password123', 'short', 'aaaaaaaaaaaaaaaa', 'lowercaseonly']) {
      expect(passphraseStrength(weak).score).toBeLessThan(2);
      expect(await message(fx.v.transfer.exportVault(vault.id, weak, FAST))).not.toBe('resolved');
    }
    expect(passphraseStrength(PASS).score).toBe(4);
    expect(passphraseStrength('Tr0ub4dour&3x').score).toBeGreaterThanOrEqual(2);
  });

  it('derives with scrypt N=2^17, r=8, p=1 (timing reported)', async () => {
    const started = performance.now();
    const key = await deriveKey(PASS, Buffer.alloc(16, 1), SCRYPT_N);
    console.info(`[vaults] scrypt N=2^17 r=8 p=1: ${Math.round(performance.now() - started)} ms`);
    expect(key).toHaveLength(32);
  });
});
