import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The HMAC-SHA-256 check of a presented key against its keyset digest, with @noble/hashes (audited,
 * dependency-free, bundled into out/verify/keyhaven-verify.mjs). The HMAC's inner and outer states
 * under the secret are computed once; each check clones them into one reused object, and the key's
 * ASCII is written into a reused buffer, so a Keyhaven key (under 64 bytes) costs two SHA-256 blocks,
 * no allocation and no promise. Measured on Node 22 here: about as fast as node:crypto's `createHmac`
 * (0.8–1.3× across runs of a busy 2-core machine) and ≈15× Web Crypto's `crypto.subtle.sign` (a
 * promise and a worker round trip each); and the same code runs in Deno, Bun and edge workers.
 * Ed25519 keyset signatures stay with Web Crypto (held-keyset.ts): one check per keyset, not per key.
 */
export interface DigestCheck {
  /** Whether `key`'s HMAC under the secret equals `expected`, compared in constant time. */
  matches(key: string, expected: Uint8Array): boolean;
}

/** Equal length and equal bytes, in time that depends on the length only. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

/** Keyhaven keys are under 80 characters; a longer text is encoded the general way. */
const SHORT = 128;

export function createDigestCheck(secret: Uint8Array): DigestCheck {
  const keyed = hmac.create(sha256, secret);
  const encoder = new TextEncoder();
  // Reused: JavaScript runs one check at a time, and each runs to its end without awaiting.
  let scratch: ReturnType<typeof keyed.clone> | undefined;
  const message = new Uint8Array(SHORT);
  const digest = new Uint8Array(32);
  return {
    matches: (presented, expected) => {
      scratch = keyed._cloneInto(scratch);
      scratch.update(asciiBytes(presented, message) ?? encoder.encode(presented));
      scratch.digestInto(digest);
      return constantTimeEqual(digest, expected);
    },
  };
}

/** The text's bytes written into `into` when it is short ASCII (every well-formed key), else null. */
function asciiBytes(text: string, into: Uint8Array): Uint8Array | null {
  if (text.length > into.length) return null;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return null;
    into[i] = code;
  }
  return into.subarray(0, text.length);
}
