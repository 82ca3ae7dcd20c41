/**
 * The port to the operating system's keychain. Keyhaven keeps only small, high-value secrets there
 * (the key-hashing pepper, one data key per vault); everything else lives in the data directory.
 * The shipped adapter is keytar (`keytar-keychain.ts`); tests may use an in-memory one, which is
 * deliberately not part of the app so it can never become a silent fallback.
 */
export interface Keychain {
  /** The stored secret, or null when there is none. Throws KeychainUnavailableError when unreachable. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'Keyhaven';

/**
 * The keychain could not be reached or refused access. `message` says what to do; no secret in it.
 * `locked`: it answered, but its collection is locked — the user unlocks it, nothing to install.
 */
export class KeychainUnavailableError extends Error {
  readonly code = 'KEYCHAIN_UNAVAILABLE' as const;
  constructor(
    message: string,
    readonly locked = false,
  ) {
    super(message);
    this.name = 'KeychainUnavailableError';
  }
}

/** What to do when the Secret Service answers but its collection is locked (Linux only: see secret-service-lock.ts). */
export const LOCKED_KEYCHAIN_ADVICE =
  'Your login keyring is locked. Unlock it (e.g. in Passwords and Keys / Seahorse, or by logging in again), then choose Try again.';

/** What to do when the keychain is unreachable, in the words of the user's platform. */
export function keychainAdvice(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Open Keychain Access, make sure your login keychain is unlocked, then try again. If macOS asked whether Keyhaven may use the keychain, choose Always Allow.';
    case 'win32':
      return 'Make sure the Windows Credential Manager service is running, then try again.';
    default:
      return 'Keyhaven needs a Secret Service: install and start one such as GNOME Keyring (for example `sudo apt install gnome-keyring`), unlock it (it unlocks with your login on most desktops), then try again.';
  }
}
