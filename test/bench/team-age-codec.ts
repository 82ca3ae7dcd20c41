import { randomBytes } from 'node:crypto';
import { armor, Decrypter, Encrypter } from 'age-encryption';
import { ageCipher, newAgeIdentity } from '../../electron/core/team/team-age';
import { decodeBech32 } from '../../shared/domain/bech32';
import { inBatches } from '../../electron/core/team/team-entries';
import { fmt, timeMsAsync } from './stats';
import type { BenchRow } from './vaults';

/**
 * The age codec of entry files, side by side in one run (decision 108): Keyhaven's X25519 path on
 * node:crypto against typage's WebCrypto one, which it replaced. Each encrypts, then decrypts, the
 * same 1,000 entry-sized plaintexts (1 KiB, as a padded entry is), 16 at a time as a removal does.
 */
export interface AgeCodecBench {
  files: number;
  native: { encryptMs: number; decryptMs: number };
  typage: { encryptMs: number; decryptMs: number };
}

async function timeCodec(
  plaintexts: string[],
  encrypt: (text: string) => Promise<string>,
  decrypt: (file: string) => Promise<string | null>,
): Promise<{ encryptMs: number; decryptMs: number }> {
  let files: string[] = [];
  const encryptMs = await timeMsAsync(async () => {
    files = await inBatches(plaintexts, encrypt);
  });
  let opened: (string | null)[] = [];
  const decryptMs = await timeMsAsync(async () => {
    opened = await inBatches(files, decrypt);
  });
  if (opened.some((text, i) => text !== plaintexts[i])) throw new Error('a codec did not read back what it wrote');
  return { encryptMs, decryptMs };
}

/**
 * typage as Keyhaven used it before: the identity imported once as a WebCrypto key (given the string,
 * typage imports it again for every file, which would make the baseline slower than it was).
 */
async function typageDecrypter(identity: string): Promise<Decrypter> {
  const scalar = decodeBech32(identity, 'AGE-SECRET-KEY-');
  if (scalar === null) throw new Error('not an age identity');
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), scalar]);
  const decrypter = new Decrypter();
  decrypter.addIdentity(await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']));
  return decrypter;
}

export async function benchAgeCodec(files = 1_000): Promise<AgeCodecBench> {
  const { identity, recipient } = await newAgeIdentity();
  const plaintexts = Array.from({ length: files }, () => randomBytes(768).toString('base64').slice(0, 1024));
  const native = ageCipher(identity, recipient);
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const decrypter = await typageDecrypter(identity);
  const typage = {
    encrypt: async (text: string) => armor.encode(await encrypter.encrypt(text)),
    decrypt: async (file: string) => decrypter.decrypt(armor.decode(file), 'text'),
  };
  // One warm-up round each, then the measured one, alternating so neither has the quieter machine.
  await timeCodec(plaintexts.slice(0, 50), native.encrypt, native.decrypt);
  await timeCodec(plaintexts.slice(0, 50), typage.encrypt, typage.decrypt);
  return {
    files,
    typage: await timeCodec(plaintexts, typage.encrypt, typage.decrypt),
    native: await timeCodec(plaintexts, native.encrypt, native.decrypt),
  };
}

export function ageCodecBenchRows(b: AgeCodecBench): BenchRow[] {
  const n = b.files.toLocaleString('en-US');
  const total = (c: AgeCodecBench['native']) => c.encryptMs + c.decryptMs;
  return [
    [
      `age codec: ${n} entry files encrypted, then decrypted (Keyhaven's, node:crypto)`,
      `${fmt(b.native.encryptMs, 0)} + ${fmt(b.native.decryptMs, 0)} ms`,
      '—',
    ],
    [
      `age codec: the same with typage (the baseline it replaced)`,
      `${fmt(b.typage.encryptMs, 0)} + ${fmt(b.typage.decryptMs, 0)} ms · ${fmt(total(b.typage) / total(b.native), 1)} × slower`,
      '—',
    ],
  ];
}
