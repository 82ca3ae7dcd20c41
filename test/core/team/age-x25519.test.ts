import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBech32 } from '../../../shared/domain/bech32';
import {
  decryptX25519,
  encryptX25519,
  x25519Identity,
  x25519Recipient,
  type X25519Identity,
  type X25519Recipient,
} from '../../../electron/core/team/age-x25519';
import { makeTempDir } from '../../support/temp-dir';

/**
 * The native X25519 codec against the two other age implementations on this machine: typage (the
 * library it replaces on the hot path) and Debian's `age` 1.1. Sizes cross the 64 KiB chunk boundary,
 * where STREAM's last-chunk rule lives.
 */
const run = promisify(execFile);
const CHUNK = 64 * 1024;
const SIZES = [0, 1, 1024, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 17];

interface Keys {
  identity: string;
  recipient: string;
  mine: X25519Identity;
  theirs: X25519Recipient;
}

async function newKeys(): Promise<Keys> {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const scalar = decodeBech32(identity, 'AGE-SECRET-KEY-');
  const raw = decodeBech32(recipient, 'age');
  if (scalar === null || raw === null) throw new Error('typage made a key bech32 does not read');
  return { identity, recipient, mine: x25519Identity(scalar), theirs: x25519Recipient(raw) };
}

async function typageEncrypt(recipient: string, plaintext: Uint8Array): Promise<Buffer> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return Buffer.from(await encrypter.encrypt(plaintext));
}

async function typageDecrypt(identity: string, file: Uint8Array): Promise<Buffer> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return Buffer.from(await decrypter.decrypt(file));
}

describe('age X25519 files through node:crypto', () => {
  let keys: Keys;
  beforeEach(async () => {
    keys = await newKeys();
  });

  it.each(SIZES)('typage reads what it writes, and it reads what typage writes (%i bytes)', async (size) => {
    const plaintext = randomBytes(size);
    const ours = encryptX25519(keys.theirs, plaintext);
    expect(await typageDecrypt(keys.identity, ours)).toEqual(plaintext);
    expect(decryptX25519(keys.mine, await typageEncrypt(keys.recipient, plaintext))).toEqual(plaintext);
    expect(decryptX25519(keys.mine, ours)).toEqual(plaintext);
  });

  it('writes a new file key and ephemeral share every time', () => {
    const once = encryptX25519(keys.theirs, Buffer.from('same'));
    const twice = encryptX25519(keys.theirs, Buffer.from('same'));
    expect(once.equals(twice)).toBe(false);
    const shareLine = (file: Buffer) => file.toString('latin1').split('\n')[1];
    expect(shareLine(once)).toMatch(/^-> X25519 [A-Za-z0-9+/]{43}$/);
    expect(shareLine(once)).not.toBe(shareLine(twice));
  });

  it('returns null for another identity, never the plaintext or an exception', async () => {
    const other = await newKeys();
    expect(decryptX25519(other.mine, encryptX25519(keys.theirs, Buffer.from('not for you')))).toBeNull();
  });

  it('refuses a file with any byte changed: header, MAC, nonce, payload or its last byte', () => {
    const file = encryptX25519(keys.theirs, randomBytes(300));
    const headerEnd = file.indexOf('\n---') + 1;
    for (const at of [30, headerEnd + 6, file.indexOf('\n', headerEnd) + 3, file.length - 200, file.length - 1]) {
      const changed = Buffer.from(file);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      expect(decryptX25519(keys.mine, changed), `byte ${at}`).toBeNull();
    }
  });

  it('refuses a file cut short, one with a chunk dropped, and one with an extra empty chunk', () => {
    const plaintext = randomBytes(2 * CHUNK);
    const file = encryptX25519(keys.theirs, plaintext);
    expect(decryptX25519(keys.mine, file.subarray(0, file.length - 1))).toBeNull();
    expect(decryptX25519(keys.mine, file.subarray(0, file.length - (CHUNK + 16)))).toBeNull();
    expect(decryptX25519(keys.mine, file.subarray(0, 40))).toBeNull();
    expect(decryptX25519(keys.mine, Buffer.concat([file, Buffer.alloc(16)]))).toBeNull();
  });

  it('refuses what is not an age file at all', () => {
    expect(decryptX25519(keys.mine, Buffer.alloc(0))).toBeNull();
    expect(decryptX25519(keys.mine, Buffer.from('age-encryption.org/v1\n--- AAAA\n'))).toBeNull();
    expect(decryptX25519(keys.mine, Buffer.from('{"entry":"plain json"}\n'))).toBeNull();
    expect(decryptX25519(keys.mine, randomBytes(500))).toBeNull();
  });

  it('refuses keys of the wrong length', () => {
    expect(() => x25519Recipient(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(() => x25519Identity(new Uint8Array(33))).toThrow(/32 bytes/);
  });
});

describe('age X25519 files against Debian’s age', () => {
  let work: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    work = await makeTempDir('keyhaven-age-native');
  });
  afterEach(async () => {
    await work.remove();
  });

  it('age -d reads a file it writes, and it reads what age -e writes (across the chunk boundary)', async () => {
    const keys = await newKeys();
    const identityFile = join(work.path, 'key.txt');
    await writeFile(identityFile, `${keys.identity}\n`, { mode: 0o600 });
    for (const size of [0, 1500, CHUNK, CHUNK + 1]) {
      const plaintext = randomBytes(size);
      const ours = join(work.path, `ours-${size}.age`);
      await writeFile(ours, encryptX25519(keys.theirs, plaintext));
      // stdout, not -o: age creates no output file for an empty plaintext
      const { stdout } = await run('/usr/bin/age', ['-d', '-i', identityFile, ours], { encoding: 'buffer' });
      expect(stdout).toEqual(plaintext);

      const input = join(work.path, `in-${size}`);
      const theirs = join(work.path, `theirs-${size}.age`);
      await writeFile(input, plaintext);
      await run('/usr/bin/age', ['-e', '-r', keys.recipient, '-o', theirs, input]);
      expect(decryptX25519(keys.mine, await readFile(theirs))).toEqual(plaintext);
    }
  });
});
