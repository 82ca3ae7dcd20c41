import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SealSource } from '../../electron/core/integrity/seal-source';
import type { Keychain } from '../../electron/core/keychain/keychain';

/**
 * The record seal key for tests and benches that open vaults.json on its own, without keyhaven.json
 * (whose installation id names the key in a real core): a fresh id per call, nothing to upgrade.
 */
export function folderSeals(keychain: Keychain, dataDir: string = tmpdir()): SealSource {
  const installationId = randomUUID();
  return new SealSource({
    keychain,
    lockFile: join(dataDir, `seal-key-${installationId}`),
    installationId: () => installationId,
    hasSealedRecords: () => false,
    sealExisting: async () => undefined,
  });
}
