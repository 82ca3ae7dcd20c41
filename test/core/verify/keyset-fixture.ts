import { createHmac, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { formatKey } from '../../../electron/core/keys/key-format';
import { keysetSigningBytes, type Keyset, type KeysetKey } from '../../../shared/verify/keyset';

/**
 * Keysets made the way Keyhaven will publish them (Ed25519 over the canonical bytes, HMAC-SHA-256
 * digests under the app's secret), with node:crypto, to test the Web Crypto verifier against.
 */
export interface SigningApp {
  publicKey: string;
  secret: string;
  privateKey: KeyObject;
  secretBytes: Buffer;
}

export function signingApp(): SigningApp {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  const secretBytes = randomBytes(32);
  return { publicKey: x, secret: secretBytes.toString('base64url'), privateKey, secretBytes };
}

export interface PlannedKey {
  key: string;
  scopes?: string[];
  expiresAt?: string | null;
  graceEndsAt?: string | null;
}

export function plannedKey(keyId: string, extra: Omit<PlannedKey, 'key'> = {}): PlannedKey {
  return { key: formatKey('pyas', keyId), ...extra };
}

export function signedKeyset(
  app: SigningApp,
  keys: PlannedKey[],
  extra: Partial<Omit<Keyset, 'signature'>> = {},
): Keyset {
  const entries: KeysetKey[] = keys.map((planned) => ({
    keyId: planned.key.slice(planned.key.indexOf('_') + 1, planned.key.indexOf('.')),
    digest: createHmac('sha256', app.secretBytes).update(planned.key).digest('base64url'),
    scopes: planned.scopes ?? [],
    expiresAt: planned.expiresAt ?? null,
    graceEndsAt: planned.graceEndsAt ?? null,
  }));
  const body: Omit<Keyset, 'signature'> = {
    format: 'keyhaven-keyset',
    version: 1,
    app: { id: 'app-pyas', name: 'Pyas', prefix: 'pyas' },
    sequence: 1,
    issuedAt: '2026-12-03T10:00:00.000Z',
    validUntil: '2026-12-10T10:00:00.000Z',
    keys: entries,
    revoked: [],
    ...extra,
  };
  return resign(app, body);
}

/** Signs `body` again (a keyset edited on purpose by a test, then signed properly). */
export function resign(app: SigningApp, body: Omit<Keyset, 'signature'> & { signature?: unknown }): Keyset {
  const value = sign(null, keysetSigningBytes(body), app.privateKey).toString('base64url');
  const { signature: _old, ...rest } = body;
  return { ...rest, signature: { alg: 'Ed25519', value } };
}

export const NOW = Date.parse('2026-12-05T12:00:00.000Z');
