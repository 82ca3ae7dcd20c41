import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidRequestError, judgeError, ownWords } from '../../../electron/core/api/error-judge';
import { CoreError } from '../../../electron/core/errors';
import { KeychainUnavailableError } from '../../../electron/core/keychain/keychain';
import { PartUnavailableError } from '../../../electron/core/recovery/data-problem';
import { StorageError } from '../../../electron/core/storage';
import { VaultCryptoError } from '../../../electron/core/vaults/sealed-box';
import { generateKeyInputSchema } from '../../../shared/domain/issued-key';
import type { DataProblem } from '../../../shared/domain/data-recovery';

/** Shaped like a Keyhaven key (`<prefix>_<keyId>.<random>`): its random part must never reach a message or log. */
const FAKE_KEY = 'khtest_AbCdEfGh.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0abcdef';
const FAKE_SECRET = '1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0abcdef';
/** A provider token of the kind a user pastes into a vault. */
const FAKE_TOKEN = 'kh_test_51HabcdefghijklmnopqrstuvWXYZ0123';

const problem: DataProblem = {
  part: 'vaults',
  kind: 'damaged',
  file: '/home/ada/.config/Keyhaven/vaults.json',
  summary: 'vaults.json is not valid JSON.',
  backup: null,
  actions: ['startEmpty'],
};

function issuesOf(schema: z.ZodType, input: unknown): InvalidRequestError {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to fail');
  return new InvalidRequestError(parsed.error.issues);
}

const appId = '00000000-0000-4000-8000-000000000000';

describe('judgeError: what may be shown, with which code and field', () => {
  it.each([
    ['CoreError', new CoreError('NOT_FOUND', 'The API key was not found.'), 'NOT_FOUND', 'The API key was not found.'],
    [
      'its subclass PartUnavailableError',
      new PartUnavailableError('vaults', problem, 'STORAGE_CORRUPT'),
      'STORAGE_CORRUPT',
      /^Your vaults are unavailable: vaults.json is not valid JSON\./,
    ],
    [
      'KeychainUnavailableError',
      new KeychainUnavailableError('Unlock your keyring.'),
      'KEYCHAIN_UNAVAILABLE',
      'Unlock your keyring.',
    ],
    [
      'StorageError CORRUPT',
      new StorageError('CORRUPT', '/d/keyhaven.json', 'It is damaged.'),
      'STORAGE_CORRUPT',
      'It is damaged.',
    ],
    [
      'StorageError NEWER_VERSION',
      new StorageError('NEWER_VERSION', '/d/keyhaven.json', 'Too new.'),
      'STORAGE_NEWER_VERSION',
      'Too new.',
    ],
    [
      'StorageError LOCK_TIMEOUT',
      new StorageError('LOCK_TIMEOUT', '/d/keyhaven.json', 'Busy.'),
      'STORAGE_BUSY',
      'Busy.',
    ],
    ['StorageError IO', new StorageError('IO', '/d/keyhaven.json', 'Disk full.'), 'STORAGE_IO', 'Disk full.'],
    [
      'VaultCryptoError',
      new VaultCryptoError('The entry failed authentication.'),
      'STORAGE_CORRUPT',
      'The entry failed authentication. Nothing was changed. Restore the entry from an export, or delete it and add the key again.',
    ],
  ] as const)('%s', (_kind, error, code, message) => {
    const judged = judgeError(error, 'apps:list');
    expect(judged.expected).toBe(true);
    expect(judged.shown.code).toBe(code);
    expect(judged.shown.message).toMatch(typeof message === 'string' ? new RegExp(`^${escape(message)}$`) : message);
    expect(judged.shown).not.toHaveProperty('field');
    expect(judged.log).toBe(`[keyhaven] apps:list failed: ${error.name}: ${error.message}`);
  });

  it('carries the field a service names on its CoreError', () => {
    const error = new CoreError('CONFLICT', 'An app named "Pyas" already exists.', { field: 'name' });
    expect(error.field).toBe('name');
    expect(judgeError(error, 'apps:create').shown).toEqual({
      code: 'CONFLICT',
      message: 'An app named "Pyas" already exists.',
      field: 'name',
    });
  });

  it("puts a contract failure on its first issue's top-level field, without the path in the words", () => {
    const one = judgeError(
      issuesOf(generateKeyInputSchema, { appId, name: '  ', expiration: { kind: 'never' }, scopes: ['a'] }),
      'keys:generate',
    );
    expect(one).toMatchObject({
      expected: true,
      shown: { code: 'INVALID_INPUT', message: 'API key name is required.', field: 'name' },
    });
    // Further issues keep their path, so the words still say which is which when shown in a banner.
    const two = judgeError(
      issuesOf(generateKeyInputSchema, { appId, name: '', expiration: { kind: 'never' }, scopes: [] }),
      'keys:generate',
    );
    expect(two.shown).toEqual({
      code: 'INVALID_INPUT',
      message: 'API key name is required. scopes: Select at least one scope, or tick "This key needs no scopes".',
      field: 'name',
    });
  });

  it('names a nested field by its top-level part and keeps the full path in the words', () => {
    const schema = z.strictObject({
      lock: z.strictObject({ minutes: z.number({ error: 'Minutes must be a number.' }) }),
    });
    expect(judgeError(issuesOf(schema, { lock: { minutes: 'x' } }), 'vaults:updateSettings').shown).toEqual({
      code: 'INVALID_INPUT',
      message: 'lock.minutes: Minutes must be a number.',
      field: 'lock',
    });
  });

  it('names no field for an issue of the whole request, and never an object key the caller chose', () => {
    const strict = z.strictObject({ name: z.string() });
    const unknown = judgeError(issuesOf(strict, { name: 'Team', [FAKE_KEY]: 1 }), 'vaults:create');
    expect(unknown.shown).toEqual({ code: 'INVALID_INPUT', message: 'Unexpected field.' });
    const record = z.strictObject({ choices: z.record(z.uuid(), z.enum(['skip'])) });
    const badKey = judgeError(issuesOf(record, { choices: { [FAKE_KEY]: 'skip' } }), 'vaults:import');
    expect(badKey.shown).toMatchObject({ code: 'INVALID_INPUT', field: 'choices' });
    expect(JSON.stringify([unknown, badKey])).not.toContain(FAKE_SECRET);
  });

  it('gives an unexpected failure a reference and a redacted log line with its stack, never its words', () => {
    const error = new TypeError(`cannot read "x" of ${FAKE_KEY} near ${FAKE_TOKEN}`);
    const judged = judgeError(error, 'keys:rotate');
    expect(judged.expected).toBe(false);
    expect(judged.shown.code).toBe('INTERNAL');
    const reference =
      /^Something went wrong in Keyhaven \(reference ([0-9a-f]{8})\)\. Nothing secret was recorded; please report the reference\.$/.exec(
        judged.shown.message,
      )?.[1];
    expect(reference).toBeDefined();
    expect(judged.log).toMatch(
      new RegExp(`^\\[keyhaven\\] keys:rotate failed \\(ref ${reference}\\): TypeError: cannot read`),
    );
    expect(judged.log).toContain('error-judge.test.ts'); // the stack, for a developer
    expect(judged.detail).toMatch(/^TypeError: cannot read "x" of \[redacted key\] near \[redacted\]$/);
    for (const text of [judged.shown.message, judged.log, judged.detail]) {
      expect(text).not.toContain(FAKE_SECRET);
      expect(text).not.toContain('51Habcdefghijklmnop');
    }
    expect(judgeError(error, 'keys:rotate').shown.message).not.toBe(judged.shown.message); // a new reference each time
  });

  it('treats a thrown non-Error as unexpected too', () => {
    const judged = judgeError(`plain string with ${FAKE_KEY}`, 'the local test API');
    expect(judged).toMatchObject({ expected: false, shown: { code: 'INTERNAL' } });
    expect(judged.log).toMatch(
      /^\[keyhaven\] the local test API failed \(ref [0-9a-f]{8}\): plain string with \[redacted key\]$/,
    );
  });

  it("ownWords: the words of Keyhaven's own error types, as they are; null for anything else", () => {
    expect(ownWords(new VaultCryptoError('Changed on disk.'))).toBe('Changed on disk.');
    expect(ownWords(new StorageError('IO', '/d/vaults.json', 'Disk full.'))).toBe('Disk full.');
    expect(ownWords(new KeychainUnavailableError('Unlock it.'))).toBe('Unlock it.');
    expect(ownWords(new CoreError('LOCKED', 'Unlock the vault.'))).toBe('Unlock the vault.');
    expect(ownWords(new Error(FAKE_KEY))).toBeNull();
    expect(ownWords('text')).toBeNull();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
