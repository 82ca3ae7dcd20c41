import keytar from 'keytar';
import { KEYCHAIN_SERVICE, KeychainUnavailableError, keychainAdvice, type Keychain } from './keychain';

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service on Linux.
 * Every failure becomes KeychainUnavailableError with platform advice; the underlying reason is kept
 * (libsecret's text names the missing D-Bus service, never a secret) so a user can report it.
 */
export class KeytarKeychain implements Keychain {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  get(account: string): Promise<string | null> {
    return this.guard(() => keytar.getPassword(this.service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.guard(() => keytar.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.guard(() => keytar.deletePassword(this.service, account));
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
      throw new KeychainUnavailableError(
        `Keyhaven cannot use the system keychain (${reason}). ${keychainAdvice(process.platform)}`,
      );
    }
  }
}
