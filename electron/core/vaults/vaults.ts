import type { Clock } from '../clock';
import type { Keychain } from '../keychain/keychain';
import { DataKeys } from './data-keys';
import { EntryService } from './entry-service';
import { openVaultDb, type VaultDb } from './vault-db';
import { VaultService } from './vault-service';
import { VaultTransfer } from './vault-transfer';

/** Everything vault-related, opened together: what core.ts will hold as `core.vaults`. */
export interface Vaults {
  readonly db: VaultDb;
  readonly vaults: VaultService;
  readonly entries: EntryService;
  readonly transfer: VaultTransfer;
  /** Locks every vault (zero-fills the data keys), then closes the file. */
  close(): Promise<void>;
}

export async function openVaults(dataDir: string, keychain: Keychain, clock: Clock): Promise<Vaults> {
  const db = await openVaultDb(dataDir);
  const vaults = new VaultService(db, new DataKeys(keychain), clock);
  const entries = new EntryService(vaults, clock);
  return {
    db,
    vaults,
    entries,
    transfer: new VaultTransfer(vaults, entries, clock),
    async close() {
      vaults.lockAll();
      await db.close();
    },
  };
}
