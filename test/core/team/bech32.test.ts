import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBech32, hasValidBech32Checksum } from '../../../shared/domain/bech32';
import { newAgeIdentity } from '../../../electron/core/team/team-age';

describe('Bech32 (age identities and recipients)', () => {
  it('decodes an identity to the X25519 scalar whose public key is the recipient', async () => {
    const { identity, recipient } = await newAgeIdentity();
    const scalar = decodeBech32(identity, 'AGE-SECRET-KEY-');
    const point = decodeBech32(recipient, 'age');
    expect(scalar).toHaveLength(32);
    expect(point).toHaveLength(32);
    // RFC 8410 PKCS#8 of the scalar, through OpenSSL: its public key must be the recipient's bytes.
    const der = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), Buffer.from(scalar ?? [])]);
    const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
    expect(Buffer.from(jwk.x ?? '', 'base64url')).toEqual(Buffer.from(point ?? []));
  });

  it('checks the checksum and the human-readable part', async () => {
    const { recipient } = await newAgeIdentity();
    expect(hasValidBech32Checksum(recipient, 'age')).toBe(true);
    expect(hasValidBech32Checksum(recipient, 'agf')).toBe(false);
    expect(
      hasValidBech32Checksum(`${recipient.slice(0, 8)}${recipient[8] === 'q' ? 'p' : 'q'}${recipient.slice(9)}`, 'age'),
    ).toBe(false);
    // BIP 173's own valid vector, and one with an invalid character.
    expect(hasValidBech32Checksum('a12uel5l', 'a')).toBe(true);
    expect(hasValidBech32Checksum('a12uel5b', 'a')).toBe(false);
    expect(decodeBech32('a12uel5l', 'a')).toEqual(new Uint8Array());
  });
});
