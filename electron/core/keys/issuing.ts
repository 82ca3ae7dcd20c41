import type { GracePeriodId } from '../../../shared/catalogs/expirations';
import type { VerifyScheme } from '../../../shared/catalogs/header-schemes';
import type {
  GenerateKeyInput,
  GeneratedKey,
  IssuedKeySummary,
  KeyUsage,
  RotatedKey,
  VerifyResult,
} from '../../../shared/domain/issued-key';
import type { EntryView } from '../../../shared/domain/vault';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { KeyChange, KeyEditing } from './key-editing';
import type { KeyLifecycle } from './key-lifecycle';
import type { KeyUsageReport } from './key-usage';
import type { GenerateKey, KeyService } from './key-service';

/** How long a new key's plaintext stays in main for Save in vault / Copy after its store page opened. */
export const PLAINTEXT_HOLD_MS = 15 * 60 * 1000;

/**
 * Where an issued key meets the vaults: the steps issuing calls, kept in vaults/ (issued-key-entries.ts)
 * because they build and change vault entries.
 */
export interface IssuedKeyVaultStep {
  /** Save in vault: an entry holding `plaintext`, linked to the issued key. */
  save(keyId: string, vaultId: string, plaintext: string): Promise<EntryView>;
  /** After a rotation is saved: puts the new key in the entries that held the old one; never throws. */
  updateAfterRotation(oldId: string, rotated: GeneratedKey): Promise<RotatedKey['vaultUpdate']>;
  /** The delay after which a copied key is cleared from the clipboard. */
  clipboardClearSeconds(): number;
}

/** Copy in main: the clipboard that marks the key concealed and clears it after the delay. */
export interface IssuedKeyClipboard {
  copy(text: string, clearAfterSeconds: number): Promise<{ clearsAfterSeconds: number }>;
}

/** A published keyset is rewritten after each change of an app's keys (keysets/keyset-service.ts). */
export interface KeysChangedStep {
  afterKeysChanged(appId: string): Promise<void>;
}

export interface IssuingDeps {
  keys: KeyService;
  keysets: KeysChangedStep;
  lifecycle: KeyLifecycle;
  editing: KeyEditing;
  usage: KeyUsageReport;
  vault: IssuedKeyVaultStep;
  clipboard: IssuedKeyClipboard;
  clock: Clock;
}

/**
 * The one object behind the `keys:*` channels. It owns issuing: generate and rotate, and the new
 * key's plaintext, held here in main only while its "Store your API key" page is open, so "Save in
 * vault" and "Copy" refer to the key by id and the plaintext never travels back from the renderer.
 * The page discards it on close; it also expires on its own. Listing, revoking, recording a view and
 * checking a key are the key service's and the lifecycle's, passed through.
 */
export class IssuingService {
  private readonly held = new Map<string, { plaintext: string; until: number }>();

  constructor(private readonly deps: IssuingDeps) {}

  list(appId: string): IssuedKeySummary[] {
    return this.deps.keys.list(appId);
  }

  async generate(input: GenerateKey | GenerateKeyInput): Promise<GeneratedKey> {
    const generated = await this.deps.keys.generate(input);
    this.hold(generated.key.id, generated.plaintext);
    await this.deps.keysets.afterKeysChanged(generated.key.appId);
    return generated;
  }

  /** The rotation is saved first; the vault entries that held the old key follow, as a step. */
  async rotate(id: string, grace: GracePeriodId): Promise<RotatedKey> {
    const rotated = await this.deps.lifecycle.rotate(id, grace);
    this.hold(rotated.key.id, rotated.plaintext);
    await this.deps.keysets.afterKeysChanged(rotated.key.appId);
    const vaultUpdate = await this.deps.vault.updateAfterRotation(id, rotated);
    return { ...rotated, vaultUpdate };
  }

  /** The published keyset is rewritten before this returns: a service polling it sees the revocation next. */
  async revoke(id: string): Promise<IssuedKeySummary> {
    const revoked = await this.deps.lifecycle.revoke(id);
    await this.deps.keysets.afterKeysChanged(revoked.appId);
    return revoked;
  }

  /** Rename or note: neither is in the keyset, so nothing is republished. */
  update(change: KeyChange): Promise<IssuedKeySummary> {
    return this.deps.editing.update(change);
  }

  /** Like revoke, the published keyset is rewritten before this returns (the key is listed as disabled). */
  async disable(id: string): Promise<IssuedKeySummary> {
    const disabled = await this.deps.editing.disable(id);
    await this.deps.keysets.afterKeysChanged(disabled.appId);
    return disabled;
  }

  async enable(id: string): Promise<IssuedKeySummary> {
    const enabled = await this.deps.editing.enable(id);
    await this.deps.keysets.afterKeysChanged(enabled.appId);
    return enabled;
  }

  usagePerDay(id: string, utcOffsetMinutes: number): KeyUsage {
    return this.deps.usage.perDay(id, utcOffsetMinutes);
  }

  recordViewed(id: string, action: 'shown' | 'copied', where?: string): Promise<null> {
    return this.deps.keys.recordViewed(id, action, where);
  }

  verify(headerValue: string, scheme: VerifyScheme, requiredScope?: string): Promise<VerifyResult> {
    return this.deps.keys.verify(headerValue, scheme, requiredScope);
  }

  /** Save in vault: an entry linked to the issued key, with service "Keyhaven", its app, scopes and expiry. */
  async saveInVault(keyId: string, vaultId: string): Promise<EntryView> {
    return this.deps.vault.save(keyId, vaultId, this.plaintextOf(keyId));
  }

  /** Copy on the store page, done in main so the clipboard is cleared after the configured delay. */
  async copy(keyId: string): Promise<{ clearsAfterSeconds: number }> {
    const plaintext = this.plaintextOf(keyId);
    const result = await this.deps.clipboard.copy(plaintext, this.deps.vault.clipboardClearSeconds());
    await this.deps.keys.recordViewed(keyId, 'copied');
    return { clearsAfterSeconds: result.clearsAfterSeconds };
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
    this.held.set(keyId, { plaintext, until: this.deps.clock.now().getTime() + PLAINTEXT_HOLD_MS });
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
    const now = this.deps.clock.now().getTime();
    for (const [keyId, held] of this.held) if (held.until <= now) this.held.delete(keyId);
  }
}
