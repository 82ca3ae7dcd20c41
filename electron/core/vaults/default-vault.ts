import type { VaultDb } from './vault-db';
import type { VaultService } from './vault-service';

/**
 * "Personal", given once (decision 29). The first run owes it; it is made the first time the keychain
 * works — at once when it does, else at a later status check or Try again after a locked or missing
 * keychain — and the debt is then settled for good: a user who has a vault by then gets none, and one
 * who deletes it later is not given another.
 */
export class DefaultVault {
  private settling: Promise<boolean> | null = null;

  constructor(
    private readonly db: VaultDb,
    private readonly vaults: VaultService,
  ) {}

  /** On first run, before the first try: the debt outlives a keychain that does not work yet. */
  async owe(): Promise<void> {
    await this.db.commit(() => ({ ops: [{ type: 'defaultVault.owed', owed: true }], result: undefined }));
  }

  /**
   * Makes it if it is owed; true when this call made it. Throws KeychainUnavailableError while the
   * keychain does not work, and the debt stays. Two checks at once share one try; the one that joins
   * answers false, so the page hears of the new vault once.
   */
  settle(): Promise<boolean> {
    if (this.settling) return this.settling.then(() => false);
    this.settling = this.makeIfOwed().finally(() => {
      this.settling = null;
    });
    return this.settling;
  }

  private async makeIfOwed(): Promise<boolean> {
    if (this.db.snapshot().defaultVaultOwed !== true) return false;
    const made = this.vaults.listVaults().length === 0;
    // Made before the debt is settled: a crash between leaves a vault and a debt the next check settles.
    await this.vaults.ensureDefaultVault();
    await this.db.commit(() => ({ ops: [{ type: 'defaultVault.owed', owed: false }], result: undefined }));
    return made;
  }
}
