import { describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { createVerifier } from '../../../shared/verify/verifier';
import { NOW, plannedKey, resign, signedKeyset, signingApp } from './keyset-fixture';

const now = () => NOW;

describe('the keyset verifier', () => {
  const app = signingApp();
  const live = plannedKey('Live0001', { scopes: ['read:items'] });
  const expired = plannedKey('Expd0001', { expiresAt: '2026-12-04T00:00:00.000Z' });
  const rotated = plannedKey('Rotd0001', { graceEndsAt: '2026-12-06T00:00:00.000Z' });
  const graceOver = plannedKey('Grce0001', { graceEndsAt: '2026-12-05T00:00:00.000Z' });
  const keyset = signedKeyset(app, [live, expired, rotated, graceOver], {
    revoked: [{ keyId: 'Revk0001', revokedAt: '2026-12-04T00:00:00.000Z' }],
  });
  const verifier = () =>
    createVerifier({ keyset: JSON.stringify(keyset), publicKey: app.publicKey, secret: app.secret, now });

  it('answers every code of the local test API, from the key or an Authorization value', async () => {
    const v = await verifier();
    expect(await v.verify(live.key)).toEqual({
      valid: true,
      code: 'VALID',
      keyId: 'Live0001',
      scopes: ['read:items'],
      expiresAt: null,
    });
    expect((await v.verify(`Bearer ${live.key}`)).code).toBe('VALID');
    expect((await v.verify(`Api-Key ${live.key}`, { scope: 'read:items' })).code).toBe('VALID');
    expect((await v.verify(live.key, { scope: 'write:items' })).code).toBe('INSUFFICIENT_SCOPE');
    expect((await v.verify(rotated.key)).code).toBe('VALID');
    // A rotated key past its grace period is REVOKED, as the core answers it (it is disabled for good).
    expect(await v.verify(graceOver.key)).toMatchObject({ valid: false, code: 'REVOKED', keyId: 'Grce0001' });
    expect((await v.verify(expired.key)).code).toBe('EXPIRED');
    expect((await v.verify(formatKey('pyas', 'Revk0001'))).code).toBe('REVOKED');
    expect((await v.verify(undefined)).code).toBe('MISSING_KEY');
    expect((await v.verify('Bearer not-a-key')).code).toBe('MALFORMED');
    // The right id with another random part (its checksum holds): only the digest tells them apart.
    expect((await v.verify(formatKey('pyas', 'Live0001'))).code).toBe('NOT_FOUND');
    expect((await v.verify(formatKey('pyas', 'Unknown1'))).code).toBe('NOT_FOUND');
    expect((await v.verify(formatKey('other', 'Live0001'))).code).toBe('NOT_FOUND');
  });

  it('confirms nothing with the wrong secret: the keyset file alone cannot check a guess', async () => {
    const other = signingApp();
    const v = await createVerifier({ keyset, publicKey: app.publicKey, secret: other.secret, now });
    expect((await v.verify(live.key)).code).toBe('NOT_FOUND');
  });

  it('refuses a keyset changed by one byte, with a bad signature, signed by another app or expired', async () => {
    const create = (k: unknown, publicKey = app.publicKey) =>
      createVerifier({ keyset: k, publicKey, secret: app.secret, now });
    const text = JSON.stringify(keyset);
    const oneByte = text.replace('"read:items"', '"read:itemz"');
    await expect(create(oneByte)).rejects.toThrow(/signature does not verify/);
    await expect(create({ ...keyset, sequence: 99 })).rejects.toThrow(/signature does not verify/);
    await expect(create({ ...keyset, validUntil: '2027-12-10T10:00:00.000Z' })).rejects.toThrow(/signature/);
    const sig = keyset.signature.value;
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    await expect(create({ ...keyset, signature: { alg: 'Ed25519', value: flipped } })).rejects.toThrow(/signature/);
    await expect(create(keyset, signingApp().publicKey)).rejects.toThrow(/signature/);
    await expect(create(resign(app, { ...keyset, validUntil: '2026-12-05T00:00:00.000Z' }))).rejects.toThrow(/expired/);
    await expect(create('{not json')).rejects.toThrow(/not valid JSON/);
    await expect(create({ ...keyset, format: 'something-else' })).rejects.toThrow(/not a Keyhaven keyset/);
  });

  it('takes a newer keyset (a revocation reaches it), refuses an older one and keeps what it holds', async () => {
    const v = await verifier();
    const revokedNow = signedKeyset(app, [expired, rotated], {
      sequence: 2,
      revoked: [
        { keyId: 'Revk0001', revokedAt: '2026-12-04T00:00:00.000Z' },
        { keyId: 'Live0001', revokedAt: '2026-12-05T11:00:00.000Z' },
      ],
    });
    expect(await v.update(revokedNow)).toEqual({ accepted: true, sequence: 2 });
    expect((await v.verify(live.key)).code).toBe('REVOKED');

    const replayed = await v.update(keyset);
    expect(replayed).toEqual({ accepted: false, reason: expect.stringMatching(/older \(sequence 1\)/) });
    expect((await v.verify(live.key)).code).toBe('REVOKED');
    expect(v.keyset.sequence).toBe(2);

    const otherApp = signedKeyset(app, [live], {
      sequence: 3,
      app: { id: 'app-other', name: 'Other', prefix: 'pyas' },
    });
    expect(await v.update(otherApp)).toEqual({ accepted: false, reason: expect.stringMatching(/for the app "Other"/) });
  });

  it('accepts nothing once the keyset it holds is past valid-until', async () => {
    let clock = NOW;
    const v = await createVerifier({ keyset, publicKey: app.publicKey, secret: app.secret, now: () => clock });
    expect((await v.verify(live.key)).code).toBe('VALID');
    clock = Date.parse('2026-12-10T10:00:01.000Z');
    expect(await v.verify(live.key)).toMatchObject({ valid: false, code: 'KEYSET_EXPIRED' });
  });
});
