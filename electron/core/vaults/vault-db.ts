import { join } from 'node:path';
import type { SealSource } from '../integrity/seal-source';
import { openJournaledStore, type JournaledStore } from '../storage';
import { sealEntryOps, touchesEntries } from './entry-seal';
import { vaultMigrations } from './vault-migrations';
import { applyVaultOp, vaultOpSchema, type VaultOp } from './vault-ops';
import { emptyVaultFile, VAULTS_SCHEMA_VERSION, vaultFileSchema, type VaultFile } from './vault-schema';

export const VAULTS_FILE_NAME = 'vaults.json';

export type VaultDb = JournaledStore<VaultFile, VaultOp>;

/**
 * Opens `vaults.json` with the same durable, locked, journaled storage as `keyhaven.json`, in its own
 * file (vaults change at a different pace and compact on their own). A damaged file is refused with
 * its name, as `keyhaven.json` is; the core then runs without vaults until it is recovered
 * (recovery/recoverable-part.ts). Vaults hold hundreds of entries, not 100,000 keys, so a smaller
 * compaction threshold keeps reopen quick.
 */
export function openVaultDb(dataDir: string, seals: SealSource, shortLived = false): Promise<VaultDb> {
  return openJournaledStore<VaultFile, VaultOp>({
    shortLived,
    file: join(dataDir, VAULTS_FILE_NAME),
    schemaVersion: VAULTS_SCHEMA_VERSION,
    defaults: emptyVaultFile,
    validate: (data) => vaultFileSchema.parse(data),
    migrations: vaultMigrations,
    apply: applyVaultOp,
    parseOp: (raw) => vaultOpSchema.parse(raw),
    compactAfter: { commits: 500, bytes: 8 * 1024 * 1024 },
    prepareCommit: () => seals.prepare(),
    sealOps: (data, ops) => (touchesEntries(ops) ? sealEntryOps(data, ops, seals.require()) : ops),
  });
}
