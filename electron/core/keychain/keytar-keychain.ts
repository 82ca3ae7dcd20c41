import type * as KeytarModule from 'keytar';
import {
  KEYCHAIN_SERVICE,
  KeychainUnavailableError,
  keychainAdvice,
  LOCKED_KEYCHAIN_ADVICE,
  type Keychain,
} from './keychain';
import { secretServiceLocked } from './secret-service-lock';

type Keytar = typeof KeytarModule;

let keytarModule: Promise<Keytar> | null = null;

/**
 * keytar is loaded on first use, not at startup: on a machine without libsecret the native module
 * fails to load, and that must become the same clear KEYCHAIN_UNAVAILABLE message as any other keychain
 * failure instead of a crash before Keyhaven can show anything.
 */
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((m) => ('default' in m ? (m.default as Keytar) : (m as Keytar)));
  return keytarModule;
}

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service on Linux.
 * Every failure becomes KeychainUnavailableError with platform advice; the underlying reason is kept
 * (libsecret's text names the missing D-Bus service, never a secret) so a user can report it. On Linux
 * a failure, or a read that finds nothing, first asks whether the collection is locked: then the
 * advice is to unlock it, not to install GNOME Keyring, and a locked key never reads as a lost one.
 */
export class KeytarKeychain implements Keychain {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  async get(account: string): Promise<string | null> {
    const secret = await this.guard((keytar) => keytar.getPassword(this.service, account));
    if (secret === null && (await this.locked())) throw lockedError();
    return secret;
  }

  set(account: string, secret: string): Promise<void> {
    return this.guard((keytar) => keytar.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.guard((keytar) => keytar.deletePassword(this.service, account));
  }

  /** Only a Secret Service says so before a read; elsewhere the read itself asks or fails. */
  private locked(): Promise<boolean> {
    return process.platform === 'linux' ? secretServiceLocked() : Promise.resolve(false);
  }

  private async guard<T>(call: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      return await call(await loadKeytar());
    } catch (error) {
      keytarModule = null; // a failed load (libsecret installed later) is retried on the next call
      if (await this.locked()) throw lockedError();
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
      throw new KeychainUnavailableError(
        `Keyhaven cannot use the system keychain (${reason}). ${keychainAdvice(process.platform)}`,
      );
    }
  }
}

function lockedError(): KeychainUnavailableError {
  return new KeychainUnavailableError(LOCKED_KEYCHAIN_ADVICE, true);
}
