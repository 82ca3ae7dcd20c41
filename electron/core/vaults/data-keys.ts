import { randomBytes } from 'node:crypto';
import { CoreError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import { isWrapped, unwrapDataKey, wrapDataKey } from './passphrase-record';
import type { PassphraseSession } from './passphrase-session';
import { KEY_BYTES, open, seal, vaultAad, VaultCryptoError, type Sealed } from './sealed-box';

/** Keychain account of a vault's data key (service `Keyhaven`, DESIGN.md §5). */
export const vaultAccount = (vaultId: string): string => `vault:${vaultId}`;

const KEY_CHECK_TEXT = 'keyhaven-vault-key-check';
const checkAad = (vaultId: string): string => vaultAad(vaultId, '', 'check', 1);

/** What unlocking needs to know about a vault: enough to name it in errors and to check the key. */
export interface VaultKeyRef {
  id: string;
  name: string;
  keyCheck: Sealed;
}

/**
 * The per-vault data keys while unlocked: one keychain read unlocks a whole vault, and the key stays
 * in this Map (main process memory only) until locked. Locking zero-fills the Buffer before dropping
 * it, so the key does not linger in the heap until garbage collection. A key is created only for a
 * new vault: for an existing vault a missing key is reported, never replaced, because a new key would
 * make every sealed entry unreadable without anyone noticing.
 *
 * With a Keyhaven passphrase, the keychain holds each key wrapped under the passphrase key
 * (passphrase-record.ts); reading or storing one then needs the session's key, PASSPHRASE_REQUIRED
 * otherwise. A plain key left by an interrupted change of passphrase still opens, and is wrapped as
 * soon as it is read with the passphrase key at hand.
 */
export class DataKeys {
  private readonly keys = new Map<string, Buffer>();
  private readonly unlocking = new Map<string, Promise<Buffer>>();
  /** How many times each vault was locked: an unlock that started before a lock must not win. */
  private readonly lockCount = new Map<string, number>();
  /** Vaults whose last unlock found no usable key in the keychain: reported in lists until one works. */
  private readonly missing = new Set<string>();

  constructor(
    private readonly keychain: Keychain,
    private readonly passphrase: PassphraseSession,
  ) {}

  /** A fresh key for a vault about to be created, stored in the keychain; returns its key check. */
  async create(vaultId: string): Promise<Sealed> {
    const wrapWith = this.passphrase.require('create a vault');
    const key = randomBytes(KEY_BYTES);
    // KeychainUnavailableError passes through: the vault is then not created at all.
    await this.store(vaultId, key, wrapWith);
    this.keys.set(vaultId, key);
    return seal(key, KEY_CHECK_TEXT, checkAad(vaultId));
  }

  /** The key of an unlocked vault, or null while it is locked. */
  get(vaultId: string): Buffer | null {
    return this.keys.get(vaultId) ?? null;
  }

  isUnlocked(vaultId: string): boolean {
    return this.keys.has(vaultId);
  }

  isKeyMissing(vaultId: string): boolean {
    return this.missing.has(vaultId);
  }

  async unlock(vault: VaultKeyRef): Promise<Buffer> {
    const held = this.keys.get(vault.id);
    if (held) return held;
    // One keychain read per vault at a time, shared by concurrent callers; a lock() that lands while
    // it is in flight wins: the key read is wiped and every waiter gets LOCKED.
    let pending = this.unlocking.get(vault.id);
    if (!pending) {
      const locksAtStart = this.lockCount.get(vault.id) ?? 0;
      pending = this.read(vault)
        .then((key) => {
          if ((this.lockCount.get(vault.id) ?? 0) !== locksAtStart) {
            key.fill(0);
            throw new CoreError('LOCKED', `The vault "${vault.name}" was locked while it was being unlocked.`);
          }
          this.keys.set(vault.id, key);
          this.missing.delete(vault.id);
          return key;
        })
        .finally(() => this.unlocking.delete(vault.id));
      this.unlocking.set(vault.id, pending);
    }
    return pending;
  }

  /** Writes a vault's key to the keychain, wrapped when a passphrase key is given. */
  async store(vaultId: string, key: Buffer, wrapWith: Buffer | null): Promise<void> {
    const value = wrapWith ? wrapDataKey(wrapWith, vaultId, key) : key.toString('base64');
    await this.keychain.set(vaultAccount(vaultId), value);
  }

  /**
   * The vault's key as the keychain holds it, checked against the vault's key check, without keeping
   * it: for unlocking, and for re-wrapping when the passphrase is set or removed. The caller wipes it.
   */
  async read(vault: VaultKeyRef): Promise<Buffer> {
    const passphraseKey = this.passphrase.require(`unlock the vault "${vault.name}"`);
    const stored = await this.keychain.get(vaultAccount(vault.id));
    if (stored === null) throw this.missingKey(vault, 'is missing from');
    let key: Buffer;
    if (isWrapped(stored)) {
      if (!passphraseKey) throw this.missingKey(vault, 'is locked with a passphrase this data folder does not know in');
      try {
        key = unwrapDataKey(passphraseKey, vault.id, stored);
      } catch (error) {
        if (error instanceof VaultCryptoError) throw this.missingKey(vault, 'does not match the key in');
        throw error;
      }
    } else {
      key = Buffer.from(stored, 'base64');
      if (key.length !== KEY_BYTES) throw this.missingKey(vault, 'is damaged in');
    }
    try {
      open(key, vault.keyCheck, checkAad(vault.id));
    } catch (error) {
      key.fill(0);
      if (error instanceof VaultCryptoError) throw this.missingKey(vault, 'does not match the key in');
      throw error;
    }
    // A plain key while a passphrase is set: a change of passphrase was interrupted. Finish it now.
    if (passphraseKey && !isWrapped(stored)) await this.store(vault.id, key, passphraseKey);
    return key;
  }

  lock(vaultId: string): void {
    this.lockCount.set(vaultId, (this.lockCount.get(vaultId) ?? 0) + 1);
    // A read in flight is now doomed (its waiters get LOCKED); an Unlock after this starts a new one.
    this.unlocking.delete(vaultId);
    const key = this.keys.get(vaultId);
    if (!key) return;
    key.fill(0);
    this.keys.delete(vaultId);
  }

  /** Every vault, including one whose keychain read is still in flight (it must not win afterwards). */
  lockAll(): void {
    for (const vaultId of new Set([...this.keys.keys(), ...this.unlocking.keys()])) this.lock(vaultId);
  }

  /** Locks the vault and removes its key from the keychain (vault deleted). True when one was there. */
  async destroy(vaultId: string): Promise<boolean> {
    this.lock(vaultId);
    this.missing.delete(vaultId);
    return this.keychain.delete(vaultAccount(vaultId));
  }

  private missingKey(vault: VaultKeyRef, state: string): CoreError {
    this.missing.add(vault.id);
    return missingKeyError(vault.name, state);
  }
}

function missingKeyError(vaultName: string, state: string): CoreError {
  return new CoreError(
    'KEYCHAIN_DATA_MISSING',
    `The key that unlocks the vault "${vaultName}" ${state} the system keychain (a reset keychain, or a data folder copied from another computer). The vault and its entries were kept unchanged and stay locked; importing an export of this vault restores its entries.`,
  );
}
