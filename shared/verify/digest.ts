import { nodeBuiltin } from './runtime.js';

/**
 * The HMAC-SHA-256 check of a presented key against its keyset digest. Web Crypto runs everywhere, but
 * each `crypto.subtle.sign` is a round trip through a promise and a worker: measured on Node 22 at
 * ≈20,000 checks/s against ≈400,000 for node:crypto's `createHmac` with a KeyObject (one-shot
 * `crypto.hash` over reused ipad/opad buffers, as electron/core/keys/key-hasher.ts does, was no faster
 * here). So node:crypto is used, synchronously, wherever the runtime offers it (Node, Bun, Deno 2),
 * and Web Crypto otherwise. Both compare in constant time.
 */
export interface DigestCheck {
  readonly engine: 'node:crypto' | 'web-crypto';
  /** Whether `key`'s HMAC under the secret equals `expected`: a boolean, or a promise of one on Web Crypto. */
  matches(key: string, expected: Uint8Array): boolean | Promise<boolean>;
}

/**
 * Tests only (not exported from index.ts): forces the Web Crypto path where node:crypto exists, so
 * both paths can be checked to give the same outcomes. Read when a verifier is created.
 */
export const digestTesting = { forceWebCrypto: false };

/** Equal length and equal bytes, in time that depends on the length only. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

export async function createDigestCheck(secret: Uint8Array<ArrayBuffer>): Promise<DigestCheck> {
  const node = digestTesting.forceWebCrypto ? null : nodeBuiltin('node:crypto');
  if (node !== null) {
    const key = node.createSecretKey(secret);
    return {
      engine: 'node:crypto',
      matches: (presented, expected) => {
        const actual = node.createHmac('sha256', key).update(presented).digest();
        return actual.length === expected.length && node.timingSafeEqual(actual, expected);
      },
    };
  }
  if (!globalThis.crypto?.subtle) throw new Error('Neither node:crypto nor Web Crypto (crypto.subtle) is available.');
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  return {
    engine: 'web-crypto',
    matches: async (presented, expected) =>
      constantTimeEqual(new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(presented))), expected),
  };
}
