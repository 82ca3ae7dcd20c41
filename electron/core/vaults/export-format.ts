import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { CoreError } from '../errors';

/**
 * The encrypted vault export: two lines, `<header JSON>\n<base64 ciphertext‖tag>\n`. The header line
 * is written canonically and its exact bytes are the AES-GCM additional data, so a change to any byte
 * of the file (header, KDF parameters, payload) fails authentication. Key: scrypt(passphrase, salt)
 * with N=2^17, r=8, p=1 (128 MiB, above OWASP's minimum); `maxmem` is raised to allow it.
 */
export const EXPORT_FORMAT = 'keyhaven-vault-export';
export const EXPORT_VERSION = 1;
export const SCRYPT_N = 131_072;
const R = 8;
const P = 1;
const MIN_N = 1024; // a test-only lower N is accepted on import; the cost is the exporter's choice
// Caps the memory a crafted file can make import spend on scrypt before anything is authenticated:
// 128 · N · r bytes, 256 MiB at 2^18 (twice Keyhaven's own N).
const MAX_N = 262_144;

const headerSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(MIN_N)
      .max(MAX_N)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.literal(R),
    p: z.literal(P),
    // 16 bytes, as written; an empty or short salt would make precomputed guesses possible.
    salt: z.base64().refine((b64) => Buffer.from(b64, 'base64').length === 16),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.base64(),
  exportedAt: z.iso.datetime({ offset: true }),
  entryCount: z.number().int().nonnegative(),
});
export type ExportHeader = z.infer<typeof headerSchema>;

export interface SealOptions {
  /** Test-only: a cheaper scrypt cost. Production always uses SCRYPT_N. */
  scryptN?: number;
  now: Date;
  entryCount: number;
}

export async function sealExport(payload: string, passphrase: string, options: SealOptions): Promise<Buffer> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    kdf: { name: 'scrypt', N: options.scryptN ?? SCRYPT_N, r: R, p: P, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    exportedAt: options.now.toISOString(),
    entryCount: options.entryCount,
  };
  const headerLine = canonicalJson(header);
  const key = await deriveKey(passphrase, salt, header.kdf.N);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from(headerLine, 'utf8'));
    const body = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return Buffer.from(`${headerLine}\n${body.toString('base64')}\n`, 'utf8');
  } finally {
    key.fill(0);
  }
}

/** Parses, checks and decrypts an export; every failure is a CoreError INVALID_INPUT saying what to do. */
export async function openExport(file: Buffer, passphrase: string): Promise<{ header: ExportHeader; payload: string }> {
  const text = file.toString('utf8');
  const lines = text.split('\n');
  if (lines.length !== 3 || lines[2] !== '') throw damaged();
  const [headerLine = '', bodyLine = ''] = lines;
  const header = parseHeader(headerLine);
  const body = Buffer.from(bodyLine, 'base64');
  if (body.toString('base64') !== bodyLine || body.length < 16) throw damaged();
  const iv = Buffer.from(header.iv, 'base64');
  if (iv.length !== 12) throw damaged();
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf.N);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(headerLine, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
    return { header, payload: plain.toString('utf8') };
  } catch {
    throw new CoreError('INVALID_INPUT', 'This export could not be opened: wrong passphrase, or the file was changed.');
  } finally {
    key.fill(0);
  }
}

function parseHeader(line: string): ExportHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw damaged();
  }
  const loose = z.looseObject({ format: z.literal(EXPORT_FORMAT), version: z.number() }).safeParse(raw);
  if (!loose.success) throw damaged();
  if (loose.data.version > EXPORT_VERSION) {
    throw new CoreError('INVALID_INPUT', 'This export was made by a newer Keyhaven. Update Keyhaven to import it.');
  }
  const parsed = headerSchema.safeParse(raw);
  // Only the canonical spelling is accepted, so the header bytes have exactly one meaning.
  if (!parsed.success || canonicalJson(parsed.data) !== line) throw damaged();
  return parsed.data;
}

// One scrypt at a time: each may take 256 MiB (N = 2^18 from a crafted file), and a page sending
// many previews at once must not be able to make main allocate that many times over.
let scryptQueue: Promise<unknown> = Promise.resolve();

export function deriveKey(passphrase: string, salt: Buffer, N: number): Promise<Buffer> {
  const maxmem = 128 * N * R * P + 32 * 1024 * 1024; // what scrypt needs plus headroom
  const run = () =>
    new Promise<Buffer>((resolve, reject) => {
      scrypt(passphrase.normalize('NFC'), salt, 32, { N, r: R, p: P, maxmem }, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  const result = scryptQueue.then(run, run);
  scryptQueue = result.catch(() => undefined);
  return result;
}

/** JSON with object keys sorted at every level: one byte sequence per header value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const damaged = (): CoreError =>
  new CoreError('INVALID_INPUT', 'This file is not a complete Keyhaven vault export (it is truncated or damaged).');
