import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { digestTesting } from '../../../shared/verify/digest';
import { createVerifier, type Verifier } from '../../../shared/verify/verifier';
import { NOW, plannedKey, signedKeyset, signingApp } from './keyset-fixture';

const app = signingApp();
const live = plannedKey('Live0001', { scopes: ['read:items'] });
const expired = plannedKey('Expd0001', { expiresAt: '2026-12-04T00:00:00.000Z' });
const graceOver = plannedKey('Grce0001', { graceEndsAt: '2026-12-05T00:00:00.000Z' });
const keyset = signedKeyset(app, [live, expired, graceOver], {
  revoked: [{ keyId: 'Revk0001', revokedAt: '2026-12-04T00:00:00.000Z' }],
});
const presented = [
  live.key,
  `Bearer ${live.key}`,
  expired.key,
  graceOver.key,
  formatKey('pyas', 'Live0001'),
  formatKey('pyas', 'Revk0001'),
  formatKey('pyas', 'Unknown1'),
  `${live.key.slice(0, -1)}x`,
  '',
];

const build = (secret = app.secret): Promise<Verifier> =>
  createVerifier({ keyset, publicKey: app.publicKey, secret, now: () => NOW });

async function answers(v: Verifier): Promise<unknown[]> {
  const all = [];
  for (const candidate of presented) {
    all.push(await v.verify(candidate));
    all.push(await v.verify(candidate, { scope: 'write:items' }));
  }
  return all;
}

afterEach(() => {
  digestTesting.forceWebCrypto = false;
  vi.restoreAllMocks();
});

describe('the digest check: node:crypto where present, Web Crypto otherwise', () => {
  it('gives the same outcome for every presented value on both paths, and each path is the one used', async () => {
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    const fast = await answers(await build());
    expect(sign).not.toHaveBeenCalled();

    digestTesting.forceWebCrypto = true;
    const web = await answers(await build());
    // Only well-formed keys whose id has a digest in the keyset reach the HMAC: five values, two scopes each.
    expect(sign).toHaveBeenCalledTimes(10);
    expect(web).toEqual(fast);
    expect(fast.filter((o) => (o as { code: string }).code === 'VALID')).toHaveLength(2);
  });

  it('confirms nothing under the wrong secret on either path', async () => {
    const wrong = signingApp().secret;
    const fast = await build(wrong);
    digestTesting.forceWebCrypto = true;
    const web = await build(wrong);
    expect((await fast.verify(live.key)).code).toBe('NOT_FOUND');
    expect((await web.verify(live.key)).code).toBe('NOT_FOUND');
  });
});
