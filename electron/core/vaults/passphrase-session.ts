import { CoreError } from '../errors';

/**
 * The passphrase key of this process, held in memory from the moment the user enters the Keyhaven
 * passphrase until every vault locks (Lock all, idle, screen lock, quit). Background writes (a
 * rotation updating its vault entry, Save in vault) use it; the user's Unlock always asks again, so
 * holding it never turns Unlock into one click.
 */
export class PassphraseSession {
  private held: Buffer | null = null;

  /** `passphraseSet` reads the data folder's current state: another process may set it meanwhile. */
  constructor(private readonly passphraseSet: () => boolean) {}

  /** True when vault data keys are wrapped under a passphrase in this data folder. */
  isSet(): boolean {
    return this.passphraseSet();
  }

  key(): Buffer | null {
    return this.held;
  }

  /** The key to wrap or unwrap with: null without a passphrase; PASSPHRASE_REQUIRED when one is needed. */
  require(what: string): Buffer | null {
    if (!this.isSet()) return null;
    if (this.held) return this.held;
    throw new CoreError(
      'PASSPHRASE_REQUIRED',
      `Your vaults are protected by your Keyhaven passphrase: enter it to ${what}.`,
    );
  }

  hold(key: Buffer): void {
    if (this.held && this.held !== key) this.held.fill(0);
    this.held = key;
  }

  /** Zero-fills the key before dropping it, as DataKeys does with data keys. */
  clear(): void {
    this.held?.fill(0);
    this.held = null;
  }
}
