import { randomBytes } from 'node:crypto';
import type * as KeytarModule from 'keytar';
import { systemClock } from '../../electron/core/clock';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { deriveKey, SCRYPT_N } from '../../electron/core/vaults/export-format';
import { openVaults, type Vaults } from '../../electron/core/vaults/vaults';
import { SERVICE_PRESET_IDS } from '../../shared/catalogs/service-presets';
import { makeTempDir } from '../support/temp-dir';
import { fmt, percentile, timeMsAsync } from './stats';
import { folderSeals } from '../support/folder-seals';

/**
 * Vault figures for `npm run bench` (issue 4), against the real OS keychain (KeytarKeychain, service
 * "Keyhaven"; with-keyring gives it a throwaway gnome-keyring on Linux) and real files:
 *
 * - unlocking a 1,000-entry vault (one keychain read + key check), alone and with every secret decrypted;
 * - the alternative design, the same secrets as one keychain item each, read back with findCredentials;
 * - one reveal on an unlocked vault;
 * - export, preview and import of 1,000 entries at the production scrypt cost, and scrypt's share.
 *
 * Every vault key and per-entry item written here is deleted again, also when a step fails, so a run
 * against a developer's own keychain (macOS, Windows) leaves nothing behind.
 */

type Keytar = typeof KeytarModule;
export type BenchRow = [string, string, string];

export interface VaultBenchOptions {
  /** Entries in the vault (default 1,000). */
  entries?: number;
  /** Timed unlocks (default 30; the vault is locked before each). */
  unlockRuns?: number;
  /** Timed findCredentials reads of the one-item-per-entry layout (default 7). */
  perEntryRuns?: number;
  /** Timed reveal calls (default 10,000). */
  revealCalls?: number;
  /** Runs of export, preview and import, each at SCRYPT_N (default 5). */
  transferRuns?: number;
}

export interface VaultBench {
  entries: number;
  /** Seeding through addEntry (one durable write each): not a measured figure, shown for context. */
  seedMs: number;
  /** Sorted. `unlock` after a reopen / a lock: one keychain read and the key check. */
  unlockMs: number[];
  /** Sorted. The same runs, up to the last of the vault's secrets decrypted with `reveal`. */
  unlockAndDecryptMs: number[];
  /** The very first run after openVaults (included in the sorted figures too). */
  firstUnlockMs: number;
  firstUnlockAndDecryptMs: number;
  /** Writing the one-item-per-entry layout (setPassword per entry): context only. */
  perEntryWriteMs: number;
  /** Sorted. findCredentials over the one-item-per-entry layout. */
  perEntryReadMs: number[];
  /** Sorted, microseconds. One reveal each, cycling through the vault's entries. */
  revealUs: number[];
  /** Sorted. Export of the whole vault, previewImport and importInto an empty vault, at SCRYPT_N. */
  exportMs: number[];
  previewMs: number[];
  importMs: number[];
  /** Sorted. One deriveKey at SCRYPT_N on its own. */
  scryptMs: number[];
  exportBytes: number;
  scryptN: number;
}

/** The service of the alternative layout; never the app's own "Keyhaven". */
export const PER_ENTRY_SERVICE = 'Keyhaven-bench-per-entry';
const PASSPHRASE = 'Bench hand-off: 4 violet Lanterns over Tallinn!';

/** keytar as keytar-keychain.ts loads it (a dynamic import, CommonJS default unwrapped). */
function loadKeytar(): Promise<Keytar> {
  return import('keytar').then((m) => ('default' in m ? (m.default as Keytar) : (m as Keytar)));
}

const median = (sorted: number[]): number => percentile(sorted, 50);

/** Runs `run` once: its result and how long it took, in ms. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

/** A pasted-looking API key: prefix and 32 random bytes, about 51 characters. */
const fakeSecret = (i: number): string => `kh_bench_${i}_${randomBytes(32).toString('base64url')}`;

export async function benchVaults(options: VaultBenchOptions = {}): Promise<VaultBench> {
  const count = options.entries ?? 1_000;
  const unlockRuns = options.unlockRuns ?? 30;
  const perEntryRuns = options.perEntryRuns ?? 7;
  const revealCalls = options.revealCalls ?? 10_000;
  const transferRuns = options.transferRuns ?? 5;

  const keychain = new KeytarKeychain();
  const dir = await makeTempDir('keyhaven-bench-vaults');
  let vaults: Vaults | null = null;
  try {
    // Seeding: a vault of `count` entries added one by one, as the Add key dialog does.
    const seals = folderSeals(keychain);
    const seeding = await openVaults(dir.path, keychain, systemClock, seals);
    vaults = seeding;
    const vault = await seeding.vaults.createVault('Bench 1,000');
    const secrets = Array.from({ length: count }, (_, i) => fakeSecret(i));
    const ids: string[] = [];
    const seedMs = await timeMsAsync(async () => {
      for (let i = 0; i < count; i += 1) {
        const preset = SERVICE_PRESET_IDS[i % SERVICE_PRESET_IDS.length];
        const entry = await seeding.entries.addEntry({
          vaultId: vault.id,
          name: `Bench entry ${i}`,
          secret: secrets[i] as string,
          preset,
          ...(preset === 'custom' ? { service: 'Internal API' } : {}),
          tags: ['bench', `team-${i % 7}`],
          notes: i % 10 === 0 ? 'Rotated every quarter; owner: platform team.' : '',
        });
        ids.push(entry.id);
      }
    });

    // Closed and reopened: the data key is not in memory, the next unlock reads the keychain.
    await vaults.close();
    vaults = await openVaults(dir.path, keychain, systemClock, seals);
    const v = vaults;

    const unlockMs: number[] = [];
    const unlockAndDecryptMs: number[] = [];
    for (let run = 0; run < unlockRuns; run += 1) {
      v.vaults.lock(vault.id);
      const revealed: string[] = new Array<string>(count);
      const start = process.hrtime.bigint();
      await v.vaults.unlock(vault.id);
      const unlocked = process.hrtime.bigint();
      for (let i = 0; i < count; i += 1) revealed[i] = v.entries.reveal(ids[i] as string).secret;
      const done = process.hrtime.bigint();
      unlockMs.push(Number(unlocked - start) / 1e6);
      unlockAndDecryptMs.push(Number(done - start) / 1e6);
      for (let i = 0; i < count; i += 1) {
        if (revealed[i] !== secrets[i]) throw new Error(`entry ${i} revealed a different secret`);
      }
    }

    // Reveal latency on the unlocked vault, cycling through its entries (each is a lookup + one AES-GCM open).
    const revealUs: number[] = new Array<number>(revealCalls);
    for (let call = 0; call < revealCalls; call += 1) {
      const id = ids[call % count] as string;
      const start = process.hrtime.bigint();
      v.entries.reveal(id);
      revealUs[call] = Number(process.hrtime.bigint() - start) / 1e3;
    }

    // Export / preview / import at the production scrypt cost; each import into a fresh, empty vault.
    const exportMs: number[] = [];
    const previewMs: number[] = [];
    const importMs: number[] = [];
    let exportFile: Buffer = Buffer.alloc(0);
    for (let run = 0; run < transferRuns; run += 1) {
      const exported = await timed(() => v.transfer.exportVault(vault.id, PASSPHRASE));
      if (exported.value.entryCount !== count) throw new Error(`export held ${exported.value.entryCount} entries`);
      exportMs.push(exported.ms);
      exportFile = exported.value.file;
    }
    for (let run = 0; run < transferRuns; run += 1) {
      const target = await v.vaults.createVault(`Import target ${run + 1}`);
      const preview = await timed(() => v.transfer.previewImport(target.id, exportFile, PASSPHRASE));
      if (preview.value.entryCount !== count || preview.value.conflicts.length !== 0) {
        throw new Error('the preview does not list the exported entries');
      }
      previewMs.push(preview.ms);
      const summary = await timed(() => v.transfer.importInto(target.id, exportFile, PASSPHRASE));
      if (summary.value.added !== count) throw new Error(`import added ${summary.value.added} of ${count}`);
      importMs.push(summary.ms);
      const imported = v.entries.listEntries(target.id);
      const sample = imported.find((entry) => entry.name === 'Bench entry 0');
      if (imported.length !== count || !sample || v.entries.reveal(sample.id).secret !== secrets[0]) {
        throw new Error('the imported vault does not hold the exported entries');
      }
      await v.vaults.deleteVault(target.id);
    }
    const scryptMs: number[] = [];
    for (let run = 0; run < transferRuns; run += 1) {
      scryptMs.push(await timeMsAsync(async () => (await deriveKey(PASSPHRASE, randomBytes(16), SCRYPT_N)).fill(0)));
    }

    // The alternative layout last, so its 1,000 items never sit in the keyring while ours is timed.
    const perEntry = await benchPerEntryItems(secrets, perEntryRuns);

    return {
      entries: count,
      seedMs,
      unlockMs: sorted(unlockMs),
      unlockAndDecryptMs: sorted(unlockAndDecryptMs),
      firstUnlockMs: unlockMs[0] ?? Number.NaN,
      firstUnlockAndDecryptMs: unlockAndDecryptMs[0] ?? Number.NaN,
      perEntryWriteMs: perEntry.writeMs,
      perEntryReadMs: sorted(perEntry.readMs),
      revealUs: sorted(revealUs),
      exportMs: sorted(exportMs),
      previewMs: sorted(previewMs),
      importMs: sorted(importMs),
      scryptMs: sorted(scryptMs),
      exportBytes: exportFile.length,
      scryptN: SCRYPT_N,
    };
  } finally {
    if (vaults) {
      // deleteVault removes each vault's data key from the keychain (the default "Personal" one too).
      for (const summary of vaults.vaults.listVaults()) await vaults.vaults.deleteVault(summary.id).catch(() => 0);
      await vaults.close().catch(() => undefined);
    }
    await dir.remove();
  }
}

/** The same secrets as one keychain item each, read back in one findCredentials call per run. */
async function benchPerEntryItems(secrets: string[], runs: number): Promise<{ writeMs: number; readMs: number[] }> {
  const keytar = await loadKeytar();
  // Leftovers of an interrupted run would distort the count: removed first.
  for (const { account } of await keytar.findCredentials(PER_ENTRY_SERVICE)) {
    await keytar.deletePassword(PER_ENTRY_SERVICE, account);
  }
  try {
    const writeMs = await timeMsAsync(async () => {
      for (let i = 0; i < secrets.length; i += 1) {
        await keytar.setPassword(PER_ENTRY_SERVICE, `entry:${i}`, secrets[i] as string);
      }
    });
    const readMs: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { value: found, ms } = await timed(() => keytar.findCredentials(PER_ENTRY_SERVICE));
      readMs.push(ms);
      const byAccount = new Map(found.map((c) => [c.account, c.password]));
      if (found.length !== secrets.length || secrets.some((s, i) => byAccount.get(`entry:${i}`) !== s)) {
        throw new Error(`findCredentials returned ${found.length} items, not the ${secrets.length} written`);
      }
    }
    return { writeMs, readMs };
  } finally {
    for (let i = 0; i < secrets.length; i += 1) {
      await keytar.deletePassword(PER_ENTRY_SERVICE, `entry:${i}`).catch(() => false);
    }
  }
}

/** The bench's table rows, in run.ts's [measure, result, target] form. */
export function vaultBenchRows(b: VaultBench): BenchRow[] {
  const n = b.entries.toLocaleString('en-US');
  const ours = median(b.unlockAndDecryptMs);
  const theirs = median(b.perEntryReadMs);
  const exportMedian = median(b.exportMs);
  const scryptMedian = median(b.scryptMs);
  const medP95 = (ms: number[]) => `median ${fmt(median(ms), 2)} ms · p95 ${fmt(percentile(ms, 95), 2)} ms`;
  return [
    [`Unlock a ${n}-entry vault, real keychain (one read + key check)`, medP95(b.unlockMs), '—'],
    [`Unlock + decrypt all ${n} secrets`, medP95(b.unlockAndDecryptMs), '≤ 50 ms'],
    [`Same ${n} secrets as one keychain item each: findCredentials`, `median ${fmt(theirs)} ms`, '—'],
    ['One item per entry ÷ one data key per vault', `${fmt(theirs / ours)} ×`, '—'],
    [
      `Reveal one entry, vault unlocked (${n} entries)`,
      `p50 ${fmt(percentile(b.revealUs, 50))} µs · p99 ${fmt(percentile(b.revealUs, 99))} µs`,
      '—',
    ],
    [
      `Export ${n} entries (scrypt N=2^${Math.log2(b.scryptN)})`,
      `median ${fmt(exportMedian, 0)} ms · file ${fmt(b.exportBytes / 1024, 0)} KiB`,
      '—',
    ],
    [`Preview import of ${n} entries`, `median ${fmt(median(b.previewMs), 0)} ms`, '—'],
    [`Import ${n} entries into an empty vault`, `median ${fmt(median(b.importMs), 0)} ms`, '—'],
    [
      'scrypt key derivation alone (once per export / preview / import)',
      `median ${fmt(scryptMedian, 0)} ms · ${fmt((scryptMedian / exportMedian) * 100, 0)} % of export`,
      '—',
    ],
  ];
}
