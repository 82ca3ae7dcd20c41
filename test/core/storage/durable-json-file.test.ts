import { mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../electron/core/storage/durable-json-file';
import { decodeDocument } from '../../../electron/core/storage/document-text';
import { StorageError } from '../../../electron/core/storage/storage-error';
import { useTempDir } from './temp-dir';

interface Doc {
  schemaVersion: number;
  items: string[];
}

const temp = useTempDir();
const doc = (...items: string[]): Doc => ({ schemaVersion: 1, items });

async function readError(adapter: DurableJsonFile<Doc>): Promise<StorageError> {
  const error: unknown = await adapter.read().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('DurableJsonFile', () => {
  it('round-trips a document', async () => {
    const adapter = new DurableJsonFile<Doc>(join(temp.dir(), 'data.json'));
    await adapter.write(doc('a', 'b'));
    expect(await adapter.read()).toEqual(doc('a', 'b'));
    expect(await new DurableJsonFile<Doc>(adapter.file).read()).toEqual(doc('a', 'b'));
  });

  it('checks the whole document: one flipped byte inside a value refuses to open, as damage', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const adapter = new DurableJsonFile<Doc>(file);
    await adapter.write(doc('hash-AbCdEf0123456789'));
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\{"schemaVersion":1,"items":\["hash-AbCdEf0123456789"\],"crc":\d+\}\n$/);
    await writeFile(file, text.replace('AbCdEf', 'AbCdEg'));
    const error = await readError(adapter);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/keyhaven\.json is damaged \(its checksum does not match/);
    // The same bytes with the checksum member removed are a file from before checksums: read as is.
    await writeFile(file, text.replace(/,"crc":\d+\}/, '}'));
    expect(await adapter.read()).toEqual(doc('hash-AbCdEf0123456789'));
  });

  it('returns null for a missing file', async () => {
    expect(await new DurableJsonFile<Doc>(join(temp.dir(), 'absent.json')).read()).toBeNull();
  });

  it('writes the file with mode 0600 and creates a missing folder with 0700', async () => {
    const file = join(temp.dir(), 'nested', 'data.json');
    await new DurableJsonFile<Doc>(file).write(doc('x'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(temp.dir(), 'nested'))).mode & 0o777).toBe(0o700);
  });

  it('leaves no temp file behind and keeps the previous version as .bak', async () => {
    const file = join(temp.dir(), 'data.json');
    const adapter = new DurableJsonFile<Doc>(file);
    for (let i = 0; i < 20; i++) {
      await adapter.write(doc(`v${i}`));
      if (i > 0) expect(decodeDocument(await readFile(`${file}.bak`, 'utf8'))).toEqual(doc(`v${i - 1}`));
    }
    expect((await readdir(temp.dir())).sort()).toEqual(['data.json', 'data.json.bak']);
    expect((await stat(`${file}.bak`)).mode & 0o777).toBe(0o600);
  });

  it('reports truncated JSON as CORRUPT, naming file and the backup it is given, and leaves the bytes alone', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const backup = { file: `${file}.bak`, kind: 'previous' as const, savedAt: '2026-12-03T09:14:05.000Z' };
    const adapter = new DurableJsonFile<Doc>(file, async () => backup);
    await adapter.write(doc('canary-secret-1'));
    await adapter.write(doc('canary-secret-1', 'canary-secret-2'));
    const { size } = await stat(file);
    await truncate(file, Math.floor(size / 2));
    const damaged = await readFile(file);

    const error = await readError(adapter);
    expect(error.code).toBe('CORRUPT');
    expect(error.file).toBe(file);
    expect(error.backup).toEqual(backup);
    expect(error.message).toContain(`Keyhaven's data file ${file} is damaged`);
    expect(error.message).toContain(
      `The copy that restores the most is ${file}.bak (the version before its last full save)`,
    );
    expect(error.message).toContain('Nothing was changed');
    expect(error.message).not.toContain('canary');
    expect(error.cause).toBeUndefined(); // a SyntaxError would quote the file
    expect(await readFile(file)).toEqual(damaged);
  });

  it('says so when no copy opens, and treats empty files and anything but an object or array as damaged', async () => {
    const file = join(temp.dir(), 'keyhaven.json');
    const adapter = new DurableJsonFile<Doc>(file, async () => null);
    for (const content of ['{"schemaVersion": 1, "items": ["a"', '', '  \n', 'null', '0', 'false', '"x"']) {
      await writeFile(file, content);
      const error = await readError(adapter);
      expect(error.code).toBe('CORRUPT');
      expect(error.backup).toBeUndefined();
      expect(error.message).toContain(`No copy of it opens cleanly (${file}.bak and the copies in`);
      expect(await readFile(file, 'utf8')).toBe(content);
    }
  });

  it('fails a write with IO, removing its temp file, when the target cannot be replaced', async () => {
    const file = join(temp.dir(), 'data.json');
    await mkdir(file); // a directory where the file should be
    const error: unknown = await new DurableJsonFile<Doc>(file).write(doc('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('IO');
    expect((error as StorageError).message).toContain(file);
    expect(await readdir(temp.dir())).toEqual(['data.json']);
  });
});
