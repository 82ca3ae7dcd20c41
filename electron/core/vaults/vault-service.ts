import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { CoreError, notFound } from '../errors';
import type { PresencePort } from '../platform/ports';
import type { DataKeys } from './data-keys';
import { unlockPassphrase } from './passphrase-record';
import type { PassphraseSession } from './passphrase-session';
import type { VaultDb } from './vault-db';
import {
  updateVaultSettingsInputSchema,
  vaultNameSchema,
  type VaultSettings,
  type VaultSummary,
} from '../../../shared/domain/vault';
import type { LockProtection } from '../../../shared/domain/vault-lock';
import type { VaultFile, VaultRecord } from './vault-schema';
import { parseInput } from './vault-input';

export const DEFAULT_VAULT_NAME = 'Personal';

/**
 * Vaults themselves: create (data key first, then the record), rename, delete, list, lock, unlock.
 * Entries live in entry-service.ts. Listing never touches the keychain, so it works while the
 * keychain is unavailable and every vault is locked.
 */
export class VaultService {
  /** Background writes holding each vault open (withUnlocked), and those the user unlocked meanwhile. */
  private readonly borrowers = new Map<string, number>();
  private readonly keptOpen = new Set<string>();

  constructor(
    readonly db: VaultDb,
    readonly keys: DataKeys,
    private readonly clock: Clock,
    /** Loads the record seal key with the vault's key: an unlocked entry's settings are checked with it. */
    private readonly loadSeals: () => Promise<unknown>,
    readonly passphrase: PassphraseSession,
    private readonly presence: PresencePort | null,
  ) {}

  listVaults(): VaultSummary[] {
    const data = this.db.snapshot();
    const counts = new Map<string, number>();
    for (const entry of data.entries) counts.set(entry.vaultId, (counts.get(entry.vaultId) ?? 0) + 1);
    return data.vaults.map((vault) => ({
      id: vault.id,
      name: vault.name,
      createdAt: vault.createdAt,
      entryCount: counts.get(vault.id) ?? 0,
      locked: !this.keys.isUnlocked(vault.id),
      keyMissing: this.keys.isKeyMissing(vault.id),
      ...(vault.team === undefined
        ? {}
        : {
            team: {
              url: vault.team.url,
              readOnly: vault.team.readOnly,
              lastSyncedAt: vault.team.lastSyncedAt,
              lastSync: vault.team.lastSync,
            },
          }),
    }));
  }

  summary(id: string): VaultSummary {
    const found = this.listVaults().find((vault) => vault.id === id);
    if (!found) throw notFound('The vault');
    return found;
  }

  settings(): VaultSettings {
    return { ...this.db.snapshot().settings };
  }

  async updateSettings(input: Partial<VaultSettings>): Promise<VaultSettings> {
    const patch = parseInput(updateVaultSettingsInputSchema, input);
    return this.db.commit((data) => {
      const settings = { ...data.settings, ...patch };
      return { ops: [{ type: 'settings.set', settings }], result: settings };
    });
  }

  /** The vault to save into when the user has none yet ("Personal"), created on first use. */
  async ensureDefaultVault(): Promise<VaultSummary> {
    const first = this.listVaults()[0];
    return first ?? this.createVault(DEFAULT_VAULT_NAME);
  }

  async createVault(rawName: string): Promise<VaultSummary> {
    const name = parseInput(vaultNameSchema, rawName);
    this.assertNameFree(this.db.snapshot(), name, null);
    const id = randomUUID();
    // The key goes to the keychain before the record exists: a vault on disk always has a key, so a
    // missing key later means the keychain lost it, never that creation was interrupted.
    const keyCheck = await this.keys.create(id);
    const vault: VaultRecord = { id, name, createdAt: this.clock.now().toISOString(), keyCheck };
    try {
      await this.db.commit((data) => {
        this.assertNameFree(data, name, null);
        return { ops: [{ type: 'vault.insert', vault }], result: undefined };
      });
    } catch (error) {
      await this.keys.destroy(id).catch(() => false); // best effort: an orphan key is harmless
      throw error;
    }
    return { id, name, createdAt: vault.createdAt, entryCount: 0, locked: false, keyMissing: false };
  }

  async renameVault(id: string, rawName: string): Promise<VaultSummary> {
    const name = parseInput(vaultNameSchema, rawName);
    await this.db.commit((data) => {
      requireVault(data, id);
      this.assertNameFree(data, name, id);
      return { ops: [{ type: 'vault.rename', id, name }], result: undefined };
    });
    return this.summary(id);
  }

  /** Deletes the vault and its entries, then its data key. Returns how many entries went with it. */
  async deleteVault(id: string): Promise<number> {
    const deleted = await this.db.commit((data) => {
      requireVault(data, id);
      const count = data.entries.filter((entry) => entry.vaultId === id).length;
      return { ops: [{ type: 'vault.delete', id }], result: count };
    });
    // The record is gone first: were the keychain unreachable now, a leftover key unlocks nothing.
    await this.keys.destroy(id).catch(() => false);
    return deleted;
  }

  /**
   * The user's Unlock, which proves the user is there: the Keyhaven passphrase when one is set (every
   * time, even while background work holds its key), else Touch ID where the Mac offers it. Then one
   * keychain read; KEYCHAIN_UNAVAILABLE / KEYCHAIN_DATA_MISSING leave it locked.
   */
  async unlock(id: string, passphrase?: string): Promise<VaultSummary> {
    const vault = requireVault(this.db.snapshot(), id);
    await this.provePresence(vault.name, passphrase);
    await this.keys.unlock(vault);
    await this.loadSeals();
    // Unlocked by the user while a background write holds it: it stays open when the write ends.
    if (this.borrowers.has(id)) this.keptOpen.add(id);
    return this.summary(id);
  }

  /** Holds the passphrase key for background work without opening a vault (the command line). */
  async enterPassphrase(passphrase: string): Promise<void> {
    const record = this.db.snapshot().passphrase;
    if (record) this.passphrase.hold(await unlockPassphrase(record, passphrase));
  }

  /** What the user's Unlock asks for. */
  protection(): LockProtection {
    if (this.passphrase.isSet()) return 'passphrase';
    return this.presence?.kind === 'touch-id' ? 'touch-id' : 'none';
  }

  private async provePresence(vaultName: string, passphrase: string | undefined): Promise<void> {
    const record = this.db.snapshot().passphrase;
    if (record) {
      if (!passphrase) {
        throw new CoreError('PASSPHRASE_REQUIRED', `Enter your Keyhaven passphrase to unlock "${vaultName}".`, {
          field: 'passphrase',
        });
      }
      this.passphrase.hold(await unlockPassphrase(record, passphrase));
      return;
    }
    if (this.presence?.kind === 'touch-id' && !(await this.presence.confirm(`unlock the vault "${vaultName}"`))) {
      throw new CoreError('NOT_CONFIRMED', `Touch ID was not confirmed, so "${vaultName}" stays locked.`);
    }
  }

  lock(id: string): void {
    this.keptOpen.delete(id);
    this.keys.lock(id);
  }

  /**
   * Runs `work` with these vaults unlocked, for writes that need a data key while the user is not
   * looking at the vault (a rotation, Save in vault, an import). A vault that was locked is borrowed:
   * writes running at once share it, it locks again when the last of them ends, and not at all if the
   * user unlocked it meanwhile. So a write never leaves a vault open behind the user's back, never
   * locks it under another write, and never undoes the user's Unlock. A Lock by the user still wins.
   */
  async withUnlocked<T>(ids: readonly string[], work: () => Promise<T>): Promise<T> {
    const borrowed: string[] = [];
    try {
      for (const id of new Set(ids)) {
        const users = this.borrowers.get(id);
        if (users === undefined && this.keys.isUnlocked(id)) continue; // the user's: not ours to lock
        this.borrowers.set(id, (users ?? 0) + 1);
        borrowed.push(id);
      }
      // Concurrent writes share one keychain read (DataKeys.unlock).
      for (const id of borrowed) await this.keys.unlock(requireVault(this.db.snapshot(), id));
      // As Unlock does: an opened entry is checked against its seal (a process that never unlocked
      // by hand, the command line, has not loaded the seal key yet).
      if (borrowed.length > 0) await this.loadSeals();
      return await work();
    } finally {
      for (const id of borrowed) this.giveBack(id);
    }
  }

  /** Locks every vault and forgets the passphrase key: background work then needs it entered again. */
  lockAll(): void {
    this.keptOpen.clear();
    this.keys.lockAll();
    this.passphrase.clear();
  }

  private giveBack(id: string): void {
    const users = (this.borrowers.get(id) ?? 1) - 1;
    if (users > 0) {
      this.borrowers.set(id, users);
      return;
    }
    this.borrowers.delete(id);
    if (!this.keptOpen.delete(id)) this.keys.lock(id);
  }

  /** The data key of an unlocked vault; LOCKED otherwise. */
  keyOf(vault: VaultRecord): Buffer {
    const key = this.keys.get(vault.id);
    if (!key) throw new CoreError('LOCKED', `The vault "${vault.name}" is locked. Unlock it first.`);
    return key;
  }

  private assertNameFree(data: Readonly<VaultFile>, name: string, exceptId: string | null): void {
    const taken = data.vaults.some((v) => v.id !== exceptId && v.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new CoreError('CONFLICT', `A vault named "${name}" already exists.`, { field: 'name' });
  }
}

/**
 * A team vault whose member may only read (issue 15): changing its entries here is refused, since the
 * team would refuse the change and the next sync would put the team's version back over it.
 */
export function assertWritable(data: Readonly<VaultFile>, vaultId: string): void {
  const vault = requireVault(data, vaultId);
  if (vault.team?.readOnly === true) {
    throw new CoreError(
      'CONFLICT',
      `You can read "${vault.name}" but not change it: you are a read-only member of its team.`,
    );
  }
}

export function requireVault(data: Readonly<VaultFile>, id: string): VaultRecord {
  const vault = data.vaults.find((candidate) => candidate.id === id);
  if (!vault) throw notFound('The vault');
  return vault;
}
