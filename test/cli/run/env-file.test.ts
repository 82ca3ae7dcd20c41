import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../../electron/cli/cli-error';
import { readEnvFile } from '../../../electron/cli/run/env-file';
import { makeTempDir } from '../../support/temp-dir';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir('keyhaven-env');
});
afterEach(async () => {
  await dir.remove();
});

describe('readEnvFile', () => {
  it('reads plain, quoted, commented and multi-line variables', async () => {
    const path = join(dir.path, '.env');
    const contents = [
      '# a comment',
      'PLAIN=value',
      'SPACED = "two words"',
      "SINGLE='kept $AS is'",
      'MULTI="first',
      'second"',
      'export EXPORTED=yes # trailing comment',
      '',
    ].join('\n');
    await writeFile(path, contents);
    expect(await readEnvFile(path)).toEqual({
      PLAIN: 'value',
      SPACED: 'two words',
      SINGLE: 'kept $AS is',
      MULTI: 'first\nsecond',
      EXPORTED: 'yes',
    });
  });

  it('reports a missing file as NOT_FOUND, naming the path', async () => {
    const path = join(dir.path, 'missing.env');
    const failure = readEnvFile(path);
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toMatchObject({ kind: 'NOT_FOUND', message: `env file not found: ${path}` });
  });

  it('reports a path it cannot read as a file as USAGE, naming the path', async () => {
    await expect(readEnvFile(dir.path)).rejects.toMatchObject({
      kind: 'USAGE',
      message: `cannot read env file ${dir.path}: EISDIR`,
    });
  });
});
