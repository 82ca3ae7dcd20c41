import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../../shared/verify/index';
import type { Keyset } from '../../../shared/verify/keyset';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, createApp, expectFailure, issueKey, keyIdOf } from './cli-fixtures';

/** The two `.env` values as `keys keyset --env` prints them. */
function envValues(stdout: string): { publicKey: string; secret: string } {
  const lines = stdout.trimEnd().split('\n');
  expect(lines.map((line) => line.slice(0, line.indexOf('=')))).toEqual(['KEYHAVEN_PUBLIC_KEY', 'KEYHAVEN_SECRET']);
  const value = (i: number) => (lines[i] as string).slice((lines[i] as string).indexOf('=') + 1);
  return { publicKey: value(0), secret: value(1) };
}

describe('keyhaven keys keyset', () => {
  const newDataDir = useDataFolders();

  it('prints a signed keyset the --env values verify a key with; each one has a higher sequence', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const key = await issueKey(dataDir, 'Pyas', ['--name', 'Service', '--no-scopes']);
    const first = JSON.parse(await keyhavenOk(['keys', 'keyset', 'Pyas'], { dataDir })) as Keyset;
    const second = JSON.parse(await keyhavenOk(['keys', 'keyset', 'Pyas'], { dataDir })) as Keyset;
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.keys.map((k) => k.keyId)).toEqual([keyIdOf(key)]);

    const env = await keyhaven(['keys', 'keyset', 'Pyas', '--env'], { dataDir });
    expect(env.code).toBe(0);
    expect(env.stderr).toMatch(/keep KEYHAVEN_SECRET out of your repository/);
    const service = await createVerifier({ keyset: second, ...envValues(env.stdout) });
    expect(await service.verify(key)).toMatchObject({ valid: true, code: 'VALID' });
    expect(activityOfType(dataDir, 'app.secretShown')).toEqual([
      expect.objectContaining({
        actor: 'cli',
        summary: 'Verification secret of "Pyas" printed by keyhaven keys keyset --env',
      }),
    ]);
  });

  it('publishes to a folder that a revoke from the command line rewrites; -o writes a file once', async () => {
    const dataDir = newDataDir();
    const folder = join(dataDir, 'service-keys');
    mkdirSync(folder);
    await createApp(dataDir);
    const published = await keyhavenOk(['keys', 'keyset', 'Pyas', '--publish-to', folder, '--valid-days', '3'], {
      dataDir,
    });
    expect(published).toContain(`Published to ${folder}/pyas.keyset.json`);
    expect(published).toContain('valid for 3 days');
    const key = await issueKey(dataDir, 'Pyas', ['--name', 'Service', '--no-scopes']);
    const file = join(folder, 'pyas.keyset.json');
    expect((JSON.parse(readFileSync(file, 'utf8')) as Keyset).keys.map((k) => k.keyId)).toEqual([keyIdOf(key)]);
    await keyhavenOk(['keys', 'revoke', 'Pyas', keyIdOf(key)], { dataDir });
    const after = JSON.parse(readFileSync(file, 'utf8')) as Keyset;
    expect(after.revoked.map((k) => k.keyId)).toEqual([keyIdOf(key)]);
    expect(Date.parse(after.validUntil) - Date.parse(after.issuedAt)).toBe(3 * 86_400_000);

    const once = join(dataDir, 'once.json');
    const written = await keyhaven(['keys', 'keyset', 'Pyas', '-o', once], { dataDir });
    expect({ code: written.code, stdout: written.stdout }).toEqual({ code: 0, stdout: '' });
    expect((JSON.parse(readFileSync(once, 'utf8')) as Keyset).sequence).toBeGreaterThan(after.sequence);

    expect(await keyhavenOk(['keys', 'keyset', 'Pyas', '--stop-publishing'], { dataDir })).toContain('Not published.');
  });

  it('refuses a missing folder, mixed flags and a bad validity, saying why', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const missing = expectFailure(
      await keyhaven(['keys', 'keyset', 'Pyas', '--publish-to', join(dataDir, 'nope')], { dataDir }),
      3,
    );
    expect(missing).toContain('does not exist');
    expectFailure(await keyhaven(['keys', 'keyset', 'Pyas', '--env', '-o', 'x.json'], { dataDir }), 2);
    expect(expectFailure(await keyhaven(['keys', 'keyset', 'Pyas', '--valid-days', '0'], { dataDir }), 2)).toContain(
      'from 1 to 90',
    );
    expectFailure(await keyhaven(['keys', 'keyset', 'Nope'], { dataDir }), 3);
  });
});
