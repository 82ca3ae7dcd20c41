import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { Keychain } from '../keychain/keychain';
import type { PresencePort } from '../platform/ports';
import { DataKeys } from './data-keys';
import { DefaultVault } from './default-vault';
import { PassphraseControl } from './passphrase-control';
import { PassphraseSession } from './passphrase-session';
import type { SealSource } from '../integrity/seal-source';
import { DeletedEntries } from './deleted-entries';
import { EntrySeals } from './entry-seal';
import { EntryEdits } from './entry-edits';
import { EntryService } from './entry-service';
import { EntryTransfer } from './entry-transfer';
import { openVaultDb, VAULTS_FILE_NAME, type VaultDb } from './vault-db';
import { VaultService } from './vault-service';
import { VaultTransfer } from './vault-transfer';

/** Everything vault-related, opened together: what core.ts will hold as `core.vaults`. */
export interface Vaults {
  readonly db: VaultDb;
  readonly vaults: VaultService;
  readonly entries: EntryService;
  /** Delete with Undo: the page's Delete and its Undo go through here. */
  readonly deleted: DeletedEntries;
  readonly transfer: VaultTransfer;
  /** Move and copy entries between vaults. */
  readonly moves: EntryTransfer;
  /** Bulk tags, and restoring a previous version. */
  readonly edits: EntryEdits;
  /** Setting, changing and removing the Keyhaven passphrase. */
  readonly passphrase: PassphraseControl;
  /** Entry settings sealed with the record seal key (entry-seal.ts). */
  readonly entrySeals: EntrySeals;
  /** "Personal", owed from the first run until the keychain works. */
  readonly defaultVault: DefaultVault;
  /** Locks every vault (zero-fills the data keys), then closes the file. */
  close(): Promise<void>;
}

export async function openVaults(
  dataDir: string,
  keychain: Keychain,
  clock: Clock,
  seals: SealSource,
  options: { shortLived?: boolean; presence?: PresencePort | null; scryptN?: number } = {},
): Promise<Vaults> {
  const firstRun = await stat(join(dataDir, VAULTS_FILE_NAME)).then(
    () => false,
    () => true,
  );
  const db = await openVaultDb(dataDir, seals, options.shortLived === true);
  const session = new PassphraseSession(() => db.snapshot().passphrase !== null);
  const keys = new DataKeys(keychain, session);
  const vaults = new VaultService(db, keys, clock, () => seals.sealer(), session, options.presence ?? null);
  const entrySeals = new EntrySeals(db, seals);
  const entries = new EntryService(vaults, clock, (entry) => entrySeals.assertIntact(entry));
  const deleted = new DeletedEntries(vaults, clock, (entry) => entrySeals.assertIntact(entry));
  const defaultVault = new DefaultVault(db, vaults);
  if (firstRun) await defaultVault.owe();
  // Without a working keychain it cannot have a key yet: it stays owed, and this open of a later run,
  // or the status check that finds the keychain working (core.ts), makes it.
  await defaultVault.settle().catch(() => false);
  return {
    db,
    vaults,
    entries,
    deleted,
    entrySeals,
    defaultVault,
    transfer: new VaultTransfer(vaults, entries, clock),
    moves: new EntryTransfer(vaults, clock, (entry) => entrySeals.assertIntact(entry)),
    edits: new EntryEdits(vaults, entries, clock),
    passphrase: new PassphraseControl(vaults, clock, options.scryptN),
    async close() {
      vaults.lockAll();
      await db.close();
    },
  };
}
