import type { GracePeriodId } from '../../../../shared/catalogs/expirations';
import { CoreError } from '../../errors';
import type { Vaults } from '../../vaults/vaults';

/**
 * After a member was removed (issue 15, item 5): every key Keyhaven issued that sits in the team
 * vault and that the removed member could read is rotated in one action, with the usual grace
 * period. Each rotation puts the new key into the vault entry (a new version), which ends the
 * entry's "seen by a removed member" mark; the next sync shares it with the team. Keys from other
 * services are listed for the user to rotate at their provider.
 */
export interface RotateExposedResult {
  rotated: { entryId: string; name: string }[];
  failed: { entryId: string; name: string; message: string }[];
}

export async function rotateExposedIssuedKeys(
  vaults: Vaults,
  rotate: (issuedKeyId: string, grace: GracePeriodId) => Promise<unknown>,
  vaultId: string,
  grace: GracePeriodId,
): Promise<RotateExposedResult> {
  const exposed = vaults.db
    .snapshot()
    .entries.filter(
      (entry) =>
        entry.vaultId === vaultId &&
        entry.issuedKeyId !== null &&
        entry.rotateAdvice !== undefined &&
        entry.rotateAdvice.version === entry.secretVersion,
    );
  const result: RotateExposedResult = { rotated: [], failed: [] };
  for (const entry of exposed) {
    try {
      await rotate(entry.issuedKeyId as string, grace);
      result.rotated.push({ entryId: entry.id, name: entry.name });
    } catch (error) {
      // One key that cannot rotate (revoked meanwhile, its app archived) does not stop the others.
      const message = error instanceof CoreError ? error.message : 'The key could not be rotated.';
      result.failed.push({ entryId: entry.id, name: entry.name, message });
    }
  }
  return result;
}
