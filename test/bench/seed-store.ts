import type { Core } from '../../electron/core/core';
import type { Op } from '../../electron/core/db/ops';
import { formatKey, newKeyId } from '../../electron/core/keys/key-format';
import type { KeyHasher } from '../../electron/core/keys/key-hasher';
import { keyRecord } from '../support/key-record';

/**
 * Fills a store with `count` issued keys in one transaction (generating them one by one would measure
 * 10,000 durable writes, not the thing under test). Returns the plaintexts so verification can be timed.
 */
export async function seedKeys(core: Core, appId: string, hasher: KeyHasher, count: number): Promise<string[]> {
  const app = core.apps.get(appId);
  const plaintexts: string[] = [];
  const createdAt = new Date().toISOString();
  await core.db.commit((data) => {
    const taken = new Set(data.keys.map((k) => k.keyId));
    const ops: Op[] = [];
    for (let i = 0; i < count; i += 1) {
      let keyId = newKeyId();
      while (taken.has(keyId)) keyId = newKeyId();
      taken.add(keyId);
      const plaintext = formatKey(app.keyPrefix, keyId);
      plaintexts.push(plaintext);
      const record = keyRecord({
        appId,
        prefix: app.keyPrefix,
        keyId,
        hash: hasher.hash(plaintext),
        name: `Bench key ${i}`,
        createdAt,
      });
      ops.push({ type: 'key.insert', key: record });
    }
    return { ops, result: null };
  });
  return plaintexts;
}
