import type { GeneratedKey, RotatedKey } from '../../../shared/domain/issued-key';
import type { EntryView } from '../../../shared/domain/vault';
import { ownWords } from '../api/error-judge';
import { findApp } from '../apps/app-service';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey } from '../db/ops';
import { CoreError, notFound } from '../errors';
import type { IssuedKeyVaultStep } from '../keys/issuing';
import { keyLabel } from '../keys/key-records';
import { PartUnavailableError } from '../recovery/data-problem';
import { clipboardClearSeconds } from './clipboard-delay';
import type { Vaults } from './vaults';

/**
 * The vault side of issuing (keys/issuing.ts calls it): Save in vault builds the entry of an issued
 * key, and a rotation puts the new key in the entries that held the old one.
 */
export class IssuedKeyEntries implements IssuedKeyVaultStep {
  constructor(
    private readonly db: KeyhavenDb,
    /** The vaults, or a PartUnavailableError when vaults.json could not be opened. */
    private readonly vaults: () => Vaults,
  ) {}

  async updateAfterRotation(id: string, rotated: GeneratedKey): Promise<RotatedKey['vaultUpdate']> {
    // The rotation is saved; a vault that cannot be updated now must not make the user lose the new
    // key, which the rotation's answer still carries. The entry keeps the old key until the user saves again.
    let vaultUpdate: RotatedKey['vaultUpdate'];
    try {
      const updatedEntries = await this.vaults().entries.replaceIssuedSecret(id, {
        issuedKeyId: rotated.key.id,
        plaintext: rotated.plaintext,
        graceEndsAt: rotated.replaced?.graceEndsAt ?? null,
        expiresAt: rotated.key.expiresAt,
      });
      vaultUpdate = { updatedEntries, problem: null };
    } catch (error) {
      // Whatever went wrong, the rotation stands and this answer is the only one carrying the new key.
      // Only the words of our own error types may be quoted (error-judge.ts); anything else is not.
      if (error instanceof PartUnavailableError) {
        vaultUpdate = {
          updatedEntries: 0,
          problem:
            `Your vaults are unavailable (${error.problem.summary}), so a vault entry holding the old key, if any, ` +
            `was not updated. Once they are back, use Save in vault on the new key's page.`,
        };
        return vaultUpdate;
      }
      const reason = ownWords(error) ?? 'The vault could not be updated.';
      vaultUpdate = {
        updatedEntries: 0,
        problem: `The vault entry holding the old key was not updated: ${reason} Use Save in vault on the new key's page.`,
      };
    }
    return vaultUpdate;
  }

  /** Save in vault: an entry linked to the issued key, with service "Keyhaven", its app's scheme, scopes and expiry. */
  async save(keyId: string, vaultId: string, plaintext: string): Promise<EntryView> {
    const data = this.db.snapshot();
    const key = findKey(data, keyId);
    if (!key) throw notFound('The API key');
    const app = findApp(data, key.appId);
    const vaults = this.vaults();
    const existing = vaults.entries.findByIssuedKey(keyId);
    if (existing) {
      throw new CoreError('CONFLICT', `This key is already saved in a vault as "${existing.name}".`);
    }
    const labels = new Map(app.scopes.map((scope) => [scope.id, scope.label]));
    const entry = await vaults.entries.saveIssuedKey(vaultId, {
      issuedKeyId: key.id,
      name: key.name,
      plaintext,
      scheme: { kind: app.headerScheme },
      expiresAt: key.expiresAt,
      appName: app.name,
      scopes: key.scopes.map((id) => labels.get(id) ?? id),
    });
    const vaultName = vaults.vaults.summary(vaultId).name;
    // The entry is in vaults.json, the record in keyhaven.json: two files, so not one commit. The entry
    // is saved first; a record that cannot be committed now fails this call, and the entry stays.
    await this.db.commit(() => ({
      ops: [],
      result: null,
      activity: [
        {
          type: 'key.savedInVault',
          appId: app.id,
          issuedKeyId: key.id,
          keyLabel: keyLabel(key),
          summary: `API key "${key.name}" saved in the vault "${vaultName}"`,
        },
      ],
    }));
    return entry;
  }

  /** The clearing delay is a vault setting; without vaults.json the default applies. */
  clipboardClearSeconds(): number {
    return clipboardClearSeconds(this.vaults);
  }
}
