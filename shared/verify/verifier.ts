import { createDigestCheck, type DigestCheck } from './digest.js';
import { keyFromPresented, parseKeyhavenKey } from './key-shape.js';
import { KeysetError, keysetSigningBytes, parseKeyset, type Keyset, type KeysetKey } from './keyset.js';

/**
 * The verifier a service runs to accept Keyhaven keys offline (issue 12): Web Crypto, and node:crypto
 * where present for the digest (digest.ts), so it runs in Node ≥ 22, Deno, Bun and edge workers. It holds one signed keyset; a key is checked against it in
 * one linear path with coded outcomes (the local test API's codes, plus MISSING_KEY and
 * KEYSET_EXPIRED): shape and checksum first, then the lookup, a constant-time digest compare, then
 * revocation, expiry and scope. A keyset whose signature fails, that belongs to another app, that is
 * older than the one held or past its valid-until is refused, and the one held stays.
 */
export type VerifierCode =
  | 'VALID'
  | 'MISSING_KEY'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'EXPIRED'
  | 'REVOKED'
  | 'INSUFFICIENT_SCOPE'
  /** The keyset held is past its valid-until: revocations since may be unknown, so nothing is accepted. */
  | 'KEYSET_EXPIRED';

export interface VerifierOutcome {
  valid: boolean;
  code: VerifierCode;
  keyId: string | null;
  scopes: string[];
  expiresAt: string | null;
}

export interface VerifierOptions {
  /** The keyset: its JSON text or the parsed object. */
  keyset: string | unknown;
  /** The app's Ed25519 public key, raw 32 bytes in base64url (KEYHAVEN_PUBLIC_KEY). */
  publicKey: string;
  /** The app's secret the digests are made with, base64url (KEYHAVEN_SECRET). */
  secret: string;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

export type KeysetUpdate = { accepted: true; sequence: number } | { accepted: false; reason: string };

interface Held {
  keyset: Keyset;
  validUntilMs: number;
  keys: Map<string, { entry: KeysetKey; digest: Uint8Array<ArrayBuffer>; expiresMs: number; graceEndsMs: number }>;
  revoked: Set<string>;
}

// Named from the global, so the file needs neither the DOM's type library nor Node's.
type Subtle = typeof globalThis.crypto.subtle;
type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

const subtle = (): Subtle => {
  if (!globalThis.crypto?.subtle) throw new Error('Web Crypto (crypto.subtle) is not available here.');
  return globalThis.crypto.subtle;
};

export function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

const timeOf = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

export class Verifier {
  private constructor(
    private held: Held,
    private readonly publicKey: WebCryptoKey,
    private readonly digests: DigestCheck,
    private readonly now: () => number,
  ) {}

  static async create(options: VerifierOptions): Promise<Verifier> {
    const now = options.now ?? Date.now;
    const publicKey = await subtle().importKey('raw', base64urlToBytes(options.publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    const digests = await createDigestCheck(base64urlToBytes(options.secret));
    const held = await checkedKeyset(options.keyset, publicKey, now(), null);
    return new Verifier(held, publicKey, digests, now);
  }

  /** The keyset held: its app, sequence and valid-until. */
  get keyset(): { app: Keyset['app']; sequence: number; validUntil: string } {
    const { app, sequence, validUntil } = this.held.keyset;
    return { app, sequence, validUntil };
  }

  /** A newer keyset (after a generate, rotate or revoke); refused ones leave the held one in place. */
  async update(keyset: string | unknown): Promise<KeysetUpdate> {
    try {
      this.held = await checkedKeyset(keyset, this.publicKey, this.now(), this.held.keyset);
      return { accepted: true, sequence: this.held.keyset.sequence };
    } catch (error) {
      if (error instanceof KeysetError) return { accepted: false, reason: error.message };
      throw error;
    }
  }

  /**
   * `presented`: the key, or an Authorization value (`Bearer …`, `Api-Key …`). Async for Web Crypto;
   * with node:crypto nothing inside awaits, so the answer is ready when the promise is first awaited.
   */
  async verify(presented: string | null | undefined, options: { scope?: string } = {}): Promise<VerifierOutcome> {
    const text = keyFromPresented(presented);
    if (text === null) return outcome('MISSING_KEY');
    const parts = parseKeyhavenKey(text);
    if (parts === null) return outcome('MALFORMED');
    const now = this.now();
    if (now > this.held.validUntilMs) return outcome('KEYSET_EXPIRED');
    if (parts.prefix !== this.held.keyset.app.prefix) return outcome('NOT_FOUND');
    if (this.held.revoked.has(parts.keyId)) return outcome('REVOKED', parts.keyId);
    const known = this.held.keys.get(parts.keyId);
    if (!known) return outcome('NOT_FOUND');
    const matched = this.digests.matches(parts.full, known.digest);
    if (!(typeof matched === 'boolean' ? matched : await matched)) return outcome('NOT_FOUND');
    const { entry } = known;
    if (known.expiresMs <= now) return outcome('EXPIRED', entry.keyId, entry);
    // A rotated key past its grace period was disabled for good, as Keyhaven's core answers it.
    if (known.graceEndsMs <= now) return outcome('REVOKED', entry.keyId, entry);
    if (options.scope !== undefined && !entry.scopes.includes(options.scope))
      return outcome('INSUFFICIENT_SCOPE', entry.keyId, entry);
    return { valid: true, code: 'VALID', keyId: entry.keyId, scopes: [...entry.scopes], expiresAt: entry.expiresAt };
  }
}

export function createVerifier(options: VerifierOptions): Promise<Verifier> {
  return Verifier.create(options);
}

function outcome(
  code: Exclude<VerifierCode, 'VALID'>,
  keyId: string | null = null,
  entry?: KeysetKey,
): VerifierOutcome {
  return { valid: false, code, keyId, scopes: entry ? [...entry.scopes] : [], expiresAt: entry?.expiresAt ?? null };
}

async function checkedKeyset(
  raw: unknown,
  publicKey: WebCryptoKey,
  now: number,
  current: Keyset | null,
): Promise<Held> {
  let parsedJson: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsedJson = JSON.parse(raw);
    } catch {
      throw new KeysetError('The keyset is not valid JSON.');
    }
  }
  const keyset = parseKeyset(parsedJson);
  const signature = base64urlToBytes(keyset.signature.value);
  if (!(await subtle().verify('Ed25519', publicKey, signature, keysetSigningBytes(keyset))))
    throw new KeysetError(
      'The keyset signature does not verify with this public key: it was changed, or is another app’s.',
    );
  if (current !== null && keyset.app.id !== current.app.id)
    throw new KeysetError(`The keyset is for the app "${keyset.app.name}", not "${current.app.name}".`);
  if (current !== null && keyset.sequence < current.sequence)
    throw new KeysetError(`The keyset is older (sequence ${keyset.sequence}) than the one held (${current.sequence}).`);
  const validUntilMs = Date.parse(keyset.validUntil);
  if (validUntilMs <= now) throw new KeysetError(`The keyset expired at ${keyset.validUntil}; publish a new one.`);
  const keys = new Map<string, Held['keys'] extends Map<string, infer V> ? V : never>();
  for (const entry of keyset.keys) {
    keys.set(entry.keyId, {
      entry,
      digest: base64urlToBytes(entry.digest),
      expiresMs: timeOf(entry.expiresAt),
      graceEndsMs: timeOf(entry.graceEndsAt),
    });
  }
  return { keyset, validUntilMs, keys, revoked: new Set(keyset.revoked.map((entry) => entry.keyId)) };
}
