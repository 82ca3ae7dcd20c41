import { describe, expect, it } from 'vitest';
import { findingsInText } from '../../../electron/cli/scan/scan-text';
import { VaultSecretDetector } from '../../../electron/cli/scan/vault-secret-detector';
import { formatKey } from '../../../electron/core/keys/key-format';

describe('findings in one text', () => {
  it('reports an issued key that is also saved in a vault once, as the key', () => {
    const key = formatKey('pyas', 'n58lZyBi');
    const other = 'sk_live_notAKeyhavenKey0123';
    const secrets = new VaultSecretDetector([
      { vaultName: 'Personal', entryName: 'CI deploy', entryId: 'e1', secret: key },
      { vaultName: 'Personal', entryName: 'Stripe', entryId: 'e2', secret: other },
    ]);
    const findings = findingsInText(
      `a=${key}\nb=${other}\n`,
      { file: 'x.env' },
      {
        lookupKey: () => ({ appName: 'Pyas', status: 'active' }),
        secrets,
      },
    );
    expect(findings.map((finding) => finding.kind)).toEqual(['issued-key', 'vault-secret']);
    expect(findings[1]).toMatchObject({ entryName: 'Stripe', location: { line: 2, column: 3 } });
  });
});
