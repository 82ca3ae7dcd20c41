import { createDigestCheck, type DigestCheck } from './digest.js';
import {
  base64urlToBytes,
  checkKeyset,
  readKeyset,
  subtle,
  textFingerprint,
  type Held,
  type WebCryptoKey,
} from './held-keyset.js';
import { keyFromPresented, parseKeyhavenKey } from './key-shape.js';
import { KeysetError, type Keyset, type KeysetKey } from './keyset.js';
import { keysetSource, readFirst, startReloading, type KeysetLoader, type Reloading } from './keyset-source.js';
import { positiveSeconds } from './runtime.js';
import { UsageRecorder } from './usage-recorder.js';

/**
 * The verifier a service runs to accept Keyhaven keys offline (issue 12): Web Crypto for signatures,
 * @noble/hashes for the digest (digest.ts), so it runs in Node ≥ 22, Deno, Bun and edge workers. It holds
 * one signed keyset; a key is checked against it in one linear path with coded outcomes (the local test
 * API's codes, plus MISSING_KEY and KEYSET_EXPIRED): shape and checksum first, then the lookup, a
 * constant-time digest compare, then revocation, expiry and scope. A keyset whose signature fails, that
 * belongs to another app, is older than the one held, has its sequence with other content or is past its
 * valid-until is refused, and the one held stays. With `loadKeyset` it reloads (keyset-source.ts); with
 * `usageFile` it counts VALID verifications for Keyhaven (usage-recorder.ts).
 */
export type VerifierCode =
  | 'VALID'
  | 'MISSING_KEY'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'EXPIRED'
  | 'REVOKED'
  /** Disabled in Keyhaven for now (a temporary stop): VALID again once enabled and the keyset reloaded. */
  | 'DISABLED'
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

/** A keyset offered after the first (a reload, or `update()`): taken, or refused with the reason. */
export interface KeysetEvent {
  accepted: boolean;
  /** The offered keyset's sequence, when it could be read that far. */
  sequence?: number;
  reason?: string;
}

interface KeysetGiven {
  /** The keyset: its JSON text or the parsed object. It is not reloaded; `update()` takes a newer one. */
  keyset: unknown;
  loadKeyset?: undefined;
}

interface KeysetLoaded {
  /** Where to load the keyset from and reload it: a file path, an http(s):// URL, or a function. */
  loadKeyset: KeysetLoader;
  /** With `loadKeyset`: how often to read it again, in seconds (default 30). A file is also watched. */
  reloadSeconds?: number;
  keyset?: undefined;
}

export type VerifierOptions = (KeysetGiven | KeysetLoaded) & {
  /** The app's Ed25519 public key, raw 32 bytes in base64url (KEYHAVEN_PUBLIC_KEY). */
  publicKey: string;
  /** The app's secret the digests are made with, base64url (KEYHAVEN_SECRET). */
  secret: string;
  /**
   * Called for every keyset read or offered after the first: taken, refused and why, or unreadable. Not
   * for one found unchanged, nor for a refused one read again (status() still says why).
   */
  onKeysetEvent?: (event: KeysetEvent) => void;
  /** A file to count VALID verifications in, per key and hour, for Keyhaven to import (needs node:fs). */
  usageFile?: string;
  /** How often the usage file is written, in seconds (default 60); it is also written at close(). */
  usageFlushSeconds?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
};

export type KeysetUpdate =
  | { accepted: true; sequence: number; /** The very keyset held: nothing changed. */ unchanged?: true }
  | { accepted: false; reason: string };

export interface VerifierStatus {
  sequence: number;
  validUntil: string;
  /** When the keyset held was taken. */
  loadedAt: string;
  /** Why the last keyset read or offered was refused; null once one is taken (or found unchanged). */
  lastError: string | null;
  /** Why the last usage file write failed; null after a good one, or without a usage file. */
  lastUsageError: string | null;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Verifier {
  private loadedAtMs: number;
  private lastError: string | null = null;
  /** SHA-256 of the text the held keyset was read from, so re-reading the same text costs no parse. */
  private heldTextFingerprint: string | null = null;
  /**
   * The text last refused, likewise: a refused keyset is refused for good (the one held only grows
   * newer), so reading it again every interval neither parses it nor reports it again.
   */
  private refusedText: { fingerprint: string; reason: string } | null = null;
  /** Offers are checked one at a time: two reloads finishing out of order cannot install the older one. */
  private offering: Promise<unknown> = Promise.resolve();
  private reloading: Reloading | null = null;
  private usage: UsageRecorder | null = null;
  private closing: Promise<void> | null = null;

  private constructor(
    private held: Held,
    private readonly publicKey: WebCryptoKey,
    private readonly digests: DigestCheck,
    private readonly now: () => number,
    private readonly onKeysetEvent: ((event: KeysetEvent) => void) | undefined,
  ) {
    this.loadedAtMs = now();
  }

  static async create(options: VerifierOptions): Promise<Verifier> {
    if ((options.keyset === undefined) === (options.loadKeyset === undefined))
      throw new Error('createVerifier needs either keyset or loadKeyset (one of them).');
    const now = options.now ?? Date.now;
    const publicKey = await subtle().importKey('raw', base64urlToBytes(options.publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    const digests = createDigestCheck(base64urlToBytes(options.secret));
    const reloadSeconds = positiveSeconds(
      options.loadKeyset === undefined ? undefined : options.reloadSeconds,
      30,
      'reloadSeconds',
    );
    // A read may take an interval, and never less than 30 s: a large keyset over a slow link.
    const source =
      options.loadKeyset === undefined ? null : keysetSource(options.loadKeyset, Math.max(reloadSeconds, 30));
    const text = source === null ? null : await readFirst(source);
    let held: Held;
    try {
      held = await checkKeyset(readKeyset(text ?? options.keyset), publicKey, now(), null);
    } catch (error) {
      if (source === null || !(error instanceof KeysetError)) throw error;
      throw new KeysetError(`The keyset from ${source.name} was refused: ${error.message}`);
    }
    const verifier = new Verifier(held, publicKey, digests, now, options.onKeysetEvent);
    if (text !== null) verifier.heldTextFingerprint = await textFingerprint(text);
    if (options.usageFile !== undefined) {
      verifier.usage = await UsageRecorder.open({
        file: options.usageFile,
        flushSeconds: positiveSeconds(options.usageFlushSeconds, 60, 'usageFlushSeconds'),
        app: { id: held.keyset.app.id, prefix: held.keyset.app.prefix },
        now,
      });
    }
    if (source !== null) {
      verifier.reloading = startReloading(
        source,
        reloadSeconds,
        async (next) => void (await verifier.offer(next, await textFingerprint(next))),
        (error) =>
          verifier.report({ accepted: false, reason: `Could not read or check ${source.name}: ${messageOf(error)}` }),
      );
    }
    return verifier;
  }

  /** The keyset held: its app, sequence and valid-until. */
  get keyset(): { app: Keyset['app']; sequence: number; validUntil: string } {
    const { app, sequence, validUntil } = this.held.keyset;
    return { app, sequence, validUntil };
  }

  status(): VerifierStatus {
    return {
      sequence: this.held.keyset.sequence,
      validUntil: this.held.keyset.validUntil,
      loadedAt: new Date(this.loadedAtMs).toISOString(),
      lastError: this.lastError,
      lastUsageError: this.usage?.lastError ?? null,
    };
  }

  /** A newer keyset (after a generate, rotate or revoke); refused ones leave the held one in place. */
  update(keyset: unknown): Promise<KeysetUpdate> {
    return this.offer(keyset, null);
  }

  /**
   * `presented`: the key, or an Authorization value (`Bearer …`, `Api-Key …`). Nothing inside awaits:
   * the answer is ready when the promise is first awaited.
   */
  async verify(presented: string | null | undefined, options: { scope?: string } = {}): Promise<VerifierOutcome> {
    const text = keyFromPresented(presented);
    if (text === null) return outcome('MISSING_KEY');
    const parts = parseKeyhavenKey(text);
    if (parts === null) return outcome('MALFORMED');
    const now = this.now();
    if (now > this.held.validUntilMs) return outcome('KEYSET_EXPIRED');
    // No check of the prefix against the app's: keys keep the prefix they were issued with when the app's
    // changes, and the digest covers the whole key, prefix included.
    if (this.held.revoked.has(parts.keyId)) return outcome('REVOKED', parts.keyId);
    if (this.held.disabled.has(parts.keyId)) return outcome('DISABLED', parts.keyId);
    const known = this.held.keys.get(parts.keyId);
    if (!known) return outcome('NOT_FOUND');
    if (!this.digests.matches(parts.full, known.digest)) return outcome('NOT_FOUND');
    const { entry } = known;
    if (known.expiresMs <= now) return outcome('EXPIRED', entry.keyId, entry);
    // A rotated key past its grace period was disabled for good, as Keyhaven's core answers it.
    if (known.graceEndsMs <= now) return outcome('REVOKED', entry.keyId, entry);
    if (options.scope !== undefined && !entry.scopes.includes(options.scope))
      return outcome('INSUFFICIENT_SCOPE', entry.keyId, entry);
    this.usage?.record(entry.keyId, now);
    return { valid: true, code: 'VALID', keyId: entry.keyId, scopes: [...entry.scopes], expiresAt: entry.expiresAt };
  }

  /** Stops reloading (timer, watch, a read in flight) and writes the usage file a last time. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.reloading?.stop();
      await this.usage?.close();
    })();
    return this.closing;
  }

  /** `raw` as the next keyset; `textFingerprint` when it is text read from the source. */
  private offer(raw: unknown, textFingerprint: string | null): Promise<KeysetUpdate> {
    const next = this.offering.then(() => this.take(raw, textFingerprint));
    this.offering = next.catch(() => undefined);
    return next;
  }

  private async take(raw: unknown, textFingerprint: string | null): Promise<KeysetUpdate> {
    const unchanged = { accepted: true, sequence: this.held.keyset.sequence, unchanged: true } as const;
    if (textFingerprint !== null && textFingerprint === this.heldTextFingerprint) {
      this.lastError = null;
      return unchanged;
    }
    if (textFingerprint !== null && textFingerprint === this.refusedText?.fingerprint) {
      this.lastError = this.refusedText.reason;
      return { accepted: false, reason: this.refusedText.reason };
    }
    let sequence: number | undefined;
    try {
      const keyset = readKeyset(raw);
      sequence = keyset.sequence;
      const checked = await checkKeyset(keyset, this.publicKey, this.now(), this.held);
      this.heldTextFingerprint = textFingerprint;
      if (checked === 'unchanged') {
        this.lastError = null;
        return unchanged;
      }
      this.held = checked;
      this.loadedAtMs = this.now();
      this.report({ accepted: true, sequence });
      return { accepted: true, sequence };
    } catch (error) {
      if (!(error instanceof KeysetError)) throw error;
      if (textFingerprint !== null) this.refusedText = { fingerprint: textFingerprint, reason: error.message };
      this.report({ accepted: false, ...(sequence === undefined ? {} : { sequence }), reason: error.message });
      return { accepted: false, reason: error.message };
    }
  }

  private report(event: KeysetEvent): void {
    this.lastError = event.accepted ? null : (event.reason ?? null);
    try {
      this.onKeysetEvent?.(event);
    } catch (error) {
      // The service's own callback failed: said in status(), and reloading goes on.
      this.lastError = `onKeysetEvent threw: ${messageOf(error)}`;
    }
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
