import type { GenerateKeyInput, GeneratedKey, RotatedKey } from '../../../shared/domain/issued-key';
import type { GracePeriodId } from '../../../shared/catalogs/expirations';
import type { EntryView } from '../../../shared/domain/vault';
import type { ActivityLog } from '../activity/activity-log';
import { findApp } from '../apps/app-service';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey } from '../db/ops';
import { ownWords } from '../api/error-judge';
import { CoreError, notFound } from '../errors';
import type { KeyLifecycle } from '../keys/key-lifecycle';
import type { GenerateKey, KeyService } from '../keys/key-service';
import { keyLabel } from '../keys/key-records';
import type { ClipboardGuard } from './clipboard-guard';
import { DEFAULT_VAULT_SETTINGS } from '../../../shared/domain/vault';
import { PartUnavailableError } from '../recovery/data-problem';
import type { Vaults } from './vaults';

/** How long a new key's plaintext stays in main for Save in vault / Copy after its store page opened. */
export const PLAINTEXT_HOLD_MS = 15 * 60 * 1000;

/**
 * Where issuing meets the vaults. A new key's plaintext is held here, in main only, while its "Store
 * your API key" page is open, so "Save in vault" and "Copy" refer to the key by id and the plaintext
 * never travels back from the renderer. The page discards it on close; it also expires on its own.
 * A rotation updates the vault entries that held the old key.
 */
export class IssuedKeyVaulting {
  private readonly held = new Map<string, { plaintext: string; until: number }>();

  constructor(
    private readonly db: KeyhavenDb,
    private readonly keys: KeyService,
    private readonly lifecycle: KeyLifecycle,
    /** The vaults, or a PartUnavailableError when vaults.json could not be opened. */
    private readonly vaults: () => Vaults,
    private readonly activity: ActivityLog,
    private readonly clipboard: ClipboardGuard,
    private readonly clock: Clock,
  ) {}

  async generate(input: GenerateKey | GenerateKeyInput): Promise<GeneratedKey> {
    const generated = await this.keys.generate(input);
    this.hold(generated.key.id, generated.plaintext);
    return generated;
  }

  async rotate(id: string, grace: GracePeriodId): Promise<RotatedKey> {
    const rotated = await this.lifecycle.rotate(id, grace);
    this.hold(rotated.key.id, rotated.plaintext);
    // The rotation is saved; a vault that cannot be updated now must not make the user lose the new
    // key, which this response still carries. The entry keeps the old key until the user saves again.
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
        return { ...rotated, vaultUpdate };
      }
      const reason = ownWords(error) ?? 'The vault could not be updated.';
      vaultUpdate = {
        updatedEntries: 0,
        problem: `The vault entry holding the old key was not updated: ${reason} Use Save in vault on the new key's page.`,
      };
    }
    return { ...rotated, vaultUpdate };
  }

  /** Save in vault: an entry linked to the issued key, with service "Keyhaven", its app, scopes and expiry. */
  async saveInVault(keyId: string, vaultId: string): Promise<EntryView> {
    const plaintext = this.plaintextOf(keyId);
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
      expiresAt: key.expiresAt,
      appName: app.name,
      scopes: key.scopes.map((id) => labels.get(id) ?? id),
    });
    const vaultName = vaults.vaults.summary(vaultId).name;
    await this.activity.record([
      {
        type: 'key.savedInVault',
        appId: app.id,
        issuedKeyId: key.id,
        keyLabel: keyLabel(key),
        summary: `API key "${key.name}" saved in the vault "${vaultName}"`,
      },
    ]);
    return entry;
  }

  /** Copy on the store page, done in main so the clipboard is cleared after the configured delay. */
  async copy(keyId: string): Promise<{ clearsAfterSeconds: number }> {
    const plaintext = this.plaintextOf(keyId);
    const result = await this.clipboard.copy(plaintext, this.clipboardClearSeconds());
    await this.keys.recordViewed(keyId, 'copied');
    return result;
  }

  /** The clearing delay is a vault setting; without vaults.json the default applies. */
  private clipboardClearSeconds(): number {
    try {
      return this.vaults().vaults.settings().clipboardClearSeconds;
    } catch (error) {
      if (error instanceof PartUnavailableError) return DEFAULT_VAULT_SETTINGS.clipboardClearSeconds;
      throw error;
    }
  }

  discard(keyId: string): null {
    this.held.delete(keyId);
    return null;
  }

  clear(): void {
    this.held.clear();
  }

  private hold(keyId: string, plaintext: string): void {
    this.dropExpired();
    this.held.set(keyId, { plaintext, until: this.clock.now().getTime() + PLAINTEXT_HOLD_MS });
  }

  private plaintextOf(keyId: string): string {
    this.dropExpired();
    const held = this.held.get(keyId);
    if (!held) {
      throw new CoreError(
        'NOT_FOUND',
        'This key is no longer available to save or copy: Keyhaven keeps it only while its page is open. Rotate the key to get a new one.',
      );
    }
    return held.plaintext;
  }

  private dropExpired(): void {
    const now = this.clock.now().getTime();
    for (const [keyId, held] of this.held) if (held.until <= now) this.held.delete(keyId);
  }
}
