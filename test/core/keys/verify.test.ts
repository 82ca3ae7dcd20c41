import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('verifying a presented key', () => {
  let t: TestCore;
  let appId: string;

  beforeEach(async () => {
    t = await openTestCore();
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('accepts the key that was generated, and identifies it', async () => {
    const { key, plaintext } = await t.core.keys.generate({ appId, name: 'Production' });
    const outcome = await t.core.keys.verify(plaintext);
    expect(outcome.code).toBe('VALID');
    expect(outcome.key?.id).toBe(key.id);
  });

  it('rejects wrong shapes and checksums as MALFORMED, before any lookup', async () => {
    const { plaintext } = await t.core.keys.generate({ appId, name: 'Production' });
    const flipped = plaintext.slice(0, -1) + (plaintext.endsWith('a') ? 'b' : 'a');
    for (const bad of ['', 'nope', flipped, `${plaintext} `, plaintext.replace('_', '-')]) {
      expect((await t.core.keys.verify(bad)).code).toBe('MALFORMED');
    }
  });

  it('answers NOT_FOUND for a well-formed key Keyhaven never issued', async () => {
    const { key } = await t.core.keys.generate({ appId, name: 'Production' });
    // Same public key id, different secret: the lookup finds the record but the HMAC differs.
    expect((await t.core.keys.verify(formatKey('pyas', key.keyId))).code).toBe('NOT_FOUND');
    expect((await t.core.keys.verify(formatKey('pyas', 'AAAAAAAA'))).code).toBe('NOT_FOUND');
  });

  it('answers REVOKED and EXPIRED from the record, never VALID again', async () => {
    const a = await t.core.keys.generate({ appId, name: 'A' });
    const b = await t.core.keys.generate({ appId, name: 'B' });
    await t.core.db.update((data) => {
      const now = Date.now();
      for (const record of data.keys) {
        if (record.id === a.key.id) record.revokedAt = new Date(now).toISOString();
        if (record.id === b.key.id) record.expiresAt = new Date(now - 1).toISOString();
      }
    });
    expect((await t.core.keys.verify(a.plaintext)).code).toBe('REVOKED');
    expect((await t.core.keys.verify(b.plaintext)).code).toBe('EXPIRED');
  });

  it('finds keys issued after the first verification (the lookup index follows the store)', async () => {
    await t.core.keys.generate({ appId, name: 'First' });
    await t.core.keys.verify('warm-up');
    const later = await t.core.keys.generate({ appId, name: 'Later' });
    expect((await t.core.keys.verify(later.plaintext)).code).toBe('VALID');
  });
});
