import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { parseInput } from './vault-input';
import { createPassphraseRecord, unlockPassphrase, type PassphraseRecord } from './passphrase-record';
import { SCRYPT_N } from './export-format';
import type { VaultService } from './vault-service';
import { removePassphraseInputSchema, setPassphraseInputSchema } from '../../../shared/domain/vault-lock';

/**
 * Setting, changing and removing the Keyhaven passphrase: every vault's data key is re-written in the
 * keychain, wrapped under the new passphrase key or plain. The order keeps every step recoverable:
 * all keys are read first (a keychain problem changes nothing); a change writes them plain before
 * the new record is committed and they are wrapped again; and a plain key found while a passphrase is
 * set is wrapped on its next read (DataKeys.read). So an interruption at any point leaves every vault
 * openable with the passphrase the file names, never with one it no longer knows.
 */
export class PassphraseControl {
  constructor(
    private readonly vaults: VaultService,
    private readonly clock: Clock,
    /** Test-only: a cheaper scrypt cost. */
    private readonly scryptN = SCRYPT_N,
  ) {}

  async set(input: { passphrase: string; current?: string | undefined }): Promise<void> {
    const { passphrase, current } = parseInput(setPassphraseInputSchema, input);
    const keys = await this.readAllKeys(current);
    try {
      if (this.vaults.passphrase.isSet()) await this.writeAll(keys, null);
      const { record, key } = await createPassphraseRecord(passphrase, this.clock.now(), this.scryptN);
      await this.commit(record);
      this.vaults.passphrase.hold(key);
      await this.writeAll(keys, key);
    } finally {
      wipe(keys);
    }
  }

  async remove(input: { current: string }): Promise<void> {
    const { current } = parseInput(removePassphraseInputSchema, input);
    if (!this.vaults.passphrase.isSet()) return;
    const keys = await this.readAllKeys(current);
    try {
      await this.writeAll(keys, null);
      await this.commit(null);
      this.vaults.passphrase.clear();
    } finally {
      wipe(keys);
    }
  }

  /** Every vault's data key, read with the current passphrase (checked first) when one is set. */
  private async readAllKeys(current: string | undefined): Promise<Map<string, Buffer>> {
    const record = this.vaults.db.snapshot().passphrase;
    if (record) {
      if (!current) {
        throw new CoreError('PASSPHRASE_REQUIRED', 'Enter your current Keyhaven passphrase first.', {
          field: 'current',
        });
      }
      const key = await unlockPassphrase(record, current).catch((error: unknown) => {
        if (error instanceof CoreError) throw new CoreError(error.code, error.message, { field: 'current' });
        throw error;
      });
      this.vaults.passphrase.hold(key);
    }
    const keys = new Map<string, Buffer>();
    try {
      for (const vault of this.vaults.db.snapshot().vaults) {
        // A vault whose key the keychain lost cannot be protected either way; it stays as it is.
        const key = await this.vaults.keys.read(vault).catch((error: unknown) => {
          if (error instanceof CoreError && error.code === 'KEYCHAIN_DATA_MISSING') return null;
          throw error;
        });
        if (key) keys.set(vault.id, key);
      }
    } catch (error) {
      wipe(keys);
      throw error;
    }
    return keys;
  }

  private async writeAll(keys: Map<string, Buffer>, wrapWith: Buffer | null): Promise<void> {
    for (const [vaultId, key] of keys) await this.vaults.keys.store(vaultId, key, wrapWith);
  }

  private commit(record: PassphraseRecord | null): Promise<void> {
    return this.vaults.db.commit(() => ({ ops: [{ type: 'passphrase.set', passphrase: record }], result: undefined }));
  }
}

function wipe(keys: Map<string, Buffer>): void {
  for (const key of keys.values()) key.fill(0);
  keys.clear();
}
