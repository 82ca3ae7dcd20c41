import { KeychainUnavailableError, LOCKED_KEYCHAIN_ADVICE, type Keychain } from '../../electron/core/keychain/keychain';

/**
 * An in-memory keychain for unit and renderer tests only. It lives under test/ so it can never be
 * shipped as a fallback. `unavailable` simulates a missing Secret Service; `locked`, one whose collection
 * is locked, answering as KeytarKeychain does then (test/core/keychain/locked-keyring tests the real one).
 */
export class MemoryKeychain implements Keychain {
  readonly entries = new Map<string, string>();
  unavailable = false;
  locked = false;

  async get(account: string): Promise<string | null> {
    this.check();
    return this.entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(account);
  }

  private check(): void {
    if (this.locked) throw new KeychainUnavailableError(LOCKED_KEYCHAIN_ADVICE, true);
    if (this.unavailable) {
      throw new KeychainUnavailableError(
        'Keyhaven cannot use the system keychain (test: no Secret Service). Install and start one such as GNOME Keyring.',
      );
    }
  }
}
