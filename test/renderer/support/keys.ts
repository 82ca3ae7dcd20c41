import type { Core } from '../../../electron/core/core';
import type { GenerateKey } from '../../../electron/core/keys/key-service';
import type { GeneratedKey } from '../../../shared/domain/issued-key';
import { generateInput } from '../../support/generate-input';
import { keyRecord } from '../../support/key-record';

/** Generates a key through the real core: "Production", 1 year, read:items unless overridden. */
export function generate(core: Core, appId: string, overrides: Partial<GenerateKey> = {}): Promise<GeneratedKey> {
  return core.keys.generate(generateInput(appId, overrides));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A unique 8-character key id for seeded keys: `S` then the index in base62. */
function seededKeyId(index: number): string {
  let id = '';
  for (let n = index; id.length < 7; n = Math.floor(n / 62)) id = BASE62[n % 62] + id;
  return `S${id}`;
}

/**
 * Inserts `count` key records in one commit, for table-scale tests (generating 2,000 keys one by one
 * through the core takes ~20 s). They are listed like any key, but their hashes match no plaintext,
 * so they can never be verified.
 */
export async function seedKeys(core: Core, appId: string, count: number, name = (i: number) => `Key ${i}`) {
  const app = core.apps.get(appId);
  const start = Date.now() - count * 60_000;
  const records = Array.from({ length: count }, (_, i) =>
    keyRecord({
      appId,
      prefix: app.keyPrefix,
      keyId: seededKeyId(i),
      hash: 'seeded-no-plaintext',
      name: name(i),
      createdAt: new Date(start + i * 60_000).toISOString(),
      expiration: { kind: 'preset', preset: '1y' },
      expiresAt: new Date(start + i * 60_000 + 365 * 24 * 3_600_000).toISOString(),
    }),
  );
  await core.db.commit(() => ({ ops: records.map((key) => ({ type: 'key.insert' as const, key })), result: null }));
  return records;
}
