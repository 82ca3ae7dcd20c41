import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('verifying a presented key', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('accepts the key that was generated, and identifies it', async () => {
    const { key, plaintext } = await t.core.keys.generate(generateInput(appId));
    const outcome = await t.core.keys.verifyKey(plaintext);
    expect(outcome.code).toBe('VALID');
    expect(outcome.key?.id).toBe(key.id);
  });

  it('rejects wrong shapes and checksums as MALFORMED, before any lookup', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    const flipped = plaintext.slice(0, -1) + (plaintext.endsWith('a') ? 'b' : 'a');
    for (const bad of ['', 'nope', flipped, `${plaintext} `, plaintext.replace('_', '-')]) {
      expect((await t.core.keys.verifyKey(bad)).code).toBe('MALFORMED');
    }
  });

  it('answers NOT_FOUND for a well-formed key Keyhaven never issued', async () => {
    const { key } = await t.core.keys.generate(generateInput(appId));
    // Same public key id, different secret: the lookup finds the record but the HMAC differs.
    expect((await t.core.keys.verifyKey(formatKey('pyas', key.keyId))).code).toBe('NOT_FOUND');
    expect((await t.core.keys.verifyKey(formatKey('pyas', 'AAAAAAAA'))).code).toBe('NOT_FOUND');
  });

  it('stops at the exact expiry instant and never comes back', async () => {
    const { plaintext, key } = await t.core.keys.generate(
      generateInput(appId, { expiration: { kind: 'preset', preset: '1h' } }),
    );
    expect(key.expiresAt).toBe('2026-11-23T11:00:00.000Z');
    clock.set('2026-11-23T10:59:59.999Z');
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('VALID');
    clock.set('2026-11-23T11:00:00.000Z');
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('EXPIRED');
    clock.set('2027-01-01T00:00:00.000Z');
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('EXPIRED');
  });

  it('answers REVOKED once revoked, whatever the clock says', async () => {
    const { plaintext, key } = await t.core.keys.generate(generateInput(appId));
    await t.core.lifecycle.revoke(key.id);
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('REVOKED');
    clock.set('2020-01-01T00:00:00.000Z');
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('REVOKED');
  });

  it('checks the required scope after the key itself', async () => {
    const { plaintext } = await t.core.keys.generate(
      generateInput(appId, { scopes: ['read:items', 'write:integrations'] }),
    );
    expect((await t.core.keys.verifyKey(plaintext, 'write:integrations')).code).toBe('VALID');
    expect((await t.core.keys.verifyKey(plaintext, 'read:secrets')).code).toBe('INSUFFICIENT_SCOPE');
  });

  it('takes the key out of each header scheme as a server would', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    expect((await t.core.keys.verify(plaintext, 'x-api-key')).code).toBe('VALID');
    expect((await t.core.keys.verify(`  ${plaintext} `, 'x-api-key')).code).toBe('VALID');
    expect((await t.core.keys.verify(`Api-Key ${plaintext}`, 'api-key')).code).toBe('VALID');
    expect((await t.core.keys.verify(`api-key ${plaintext}`, 'api-key')).code).toBe('VALID');
    expect((await t.core.keys.verify(`Bearer ${plaintext}`, 'bearer')).code).toBe('VALID');
    expect((await t.core.keys.verify(`Bearer ${plaintext}`, 'api-key')).code).toBe('MALFORMED');
    expect((await t.core.keys.verify(plaintext, 'bearer')).code).toBe('MALFORMED');
    expect((await t.core.keys.verify(`Bearer ${plaintext} extra`, 'bearer')).code).toBe('MALFORMED');
    const result = await t.core.keys.verify(`Bearer ${plaintext}`, 'bearer');
    expect(result.key?.name).toBe('Production');
    expect(JSON.stringify(result)).not.toContain(plaintext.split('.')[1]);
  });

  it('finds keys issued after the first verification (the lookup index follows the store)', async () => {
    await t.core.keys.generate(generateInput(appId, { name: 'First' }));
    await t.core.keys.verifyKey('warm-up');
    const later = await t.core.keys.generate(generateInput(appId, { name: 'Later' }));
    expect((await t.core.keys.verifyKey(later.plaintext)).code).toBe('VALID');
  });
});
