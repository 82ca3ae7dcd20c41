import { Transform, type TransformCallback } from 'node:stream';

/** What a secret becomes in a masked child's output. */
export const CONCEALED = '<concealed by Keyhaven>';
const CONCEALED_BYTES = Buffer.from(CONCEALED, 'utf8');

/** A stretch of bytes to conceal: `start` inclusive, `end` exclusive. */
interface Span {
  start: number;
  end: number;
}

/**
 * Replaces every secret in a byte stream with {@link CONCEALED}, however the stream is chunked.
 *
 * It matches bytes, not text, so a multibyte character split between chunks passes through intact.
 * Occurrences that overlap are concealed together as one stretch: with secrets `abc` and `abcdef`, or
 * `abc` and `bcdef`, the text `abcdef` becomes one {@link CONCEALED} and no part of the longer secret
 * shows. Between chunks it holds back only what a later chunk could still turn into a secret (the
 * longest tail that begins one), so a prompt without a newline reaches the terminal at once.
 */
export class SecretMasker extends Transform {
  readonly #secrets: readonly Buffer[];
  #held: Buffer = Buffer.alloc(0);

  constructor(secrets: readonly string[]) {
    super();
    this.#secrets = [...new Set(secrets)].filter((secret) => secret !== '').map((secret) => Buffer.from(secret));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const data = this.#held.length === 0 ? chunk : Buffer.concat([this.#held, chunk]);
    const spans = concealedSpans(data, this.#secrets);
    const settled = settledLength(data, spans, this.#secrets);
    // A copy, so the held tail does not keep a large chunk alive.
    this.#held = Buffer.from(data.subarray(settled));
    this.#pushMasked(data, spans, settled);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const data = this.#held;
    this.#held = Buffer.alloc(0);
    this.#pushMasked(data, concealedSpans(data, this.#secrets), data.length);
    callback();
  }

  /** Pushes `data` up to `end` with the spans that lie before `end` concealed. */
  #pushMasked(data: Buffer, spans: readonly Span[], end: number): void {
    const parts: Buffer[] = [];
    let position = 0;
    for (const span of spans) {
      if (span.end > end) break;
      parts.push(data.subarray(position, span.start), CONCEALED_BYTES);
      position = span.end;
    }
    parts.push(data.subarray(position, end));
    const output = Buffer.concat(parts);
    if (output.length > 0) this.push(output);
  }
}

/** Every occurrence of every secret in `data`, overlapping ones merged, in order. */
function concealedSpans(data: Buffer, secrets: readonly Buffer[]): Span[] {
  const occurrences: Span[] = [];
  for (const secret of secrets) {
    // Advancing by one byte, not by the secret's length, finds self-overlapping occurrences ("aa" in "aaa").
    for (let start = data.indexOf(secret); start !== -1; start = data.indexOf(secret, start + 1)) {
      occurrences.push({ start, end: start + secret.length });
    }
  }
  occurrences.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const occurrence of occurrences) {
    const last = merged.at(-1);
    if (last !== undefined && occurrence.start < last.end) last.end = Math.max(last.end, occurrence.end);
    else merged.push({ ...occurrence });
  }
  return merged;
}

/**
 * How many leading bytes of `data` no later chunk can change. A later chunk can complete a secret
 * only from the longest tail that is a proper prefix of one; and if a concealed span reaches into that
 * tail, a secret completed there would merge with it, so the whole span waits too.
 */
function settledLength(data: Buffer, spans: readonly Span[], secrets: readonly Buffer[]): number {
  const undecided = data.length - longestTailStartingASecret(data, secrets);
  const straddling = spans.find((span) => span.start < undecided && span.end > undecided);
  return straddling === undefined ? undecided : straddling.start;
}

function longestTailStartingASecret(data: Buffer, secrets: readonly Buffer[]): number {
  let longest = 0;
  for (const secret of secrets) {
    for (let length = Math.min(secret.length - 1, data.length); length > longest; length--) {
      if (data.subarray(data.length - length).equals(secret.subarray(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}
