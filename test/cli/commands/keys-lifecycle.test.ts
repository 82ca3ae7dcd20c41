import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import {
  activityOfType,
  activityText,
  createApp,
  expectFailure,
  ISSUED_KEY,
  issueKey,
  keyIdOf,
  verify,
} from './cli-fixtures';

async function statusOf(dataDir: string, keyId: string): Promise<string | undefined> {
  const keys = JSON.parse(await keyhavenOk(['keys', 'ls', 'Pyas', '--json'], { dataDir })) as {
    keyId: string;
    status: string;
  }[];
  return keys.find((key) => key.keyId === keyId)?.status;
}

async function appWithKey(dataDir: string, scopes: readonly string[] = ['--no-scopes']): Promise<string> {
  await createApp(dataDir);
  return issueKey(dataDir, 'Pyas', ['--name', 'CI', '--expires', 'never', ...scopes]);
}

describe('keyhaven keys verify', () => {
  const newDataDir = useDataFolders();

  it('a valid key from stdin prints VALID with its label and exits 0', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    const run = await verify(dataDir, key);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^VALID pyas_${keyIdOf(key)} `));
    expect(run.stdout).not.toContain(key);
  });

  it('takes a pasted header line "Authorization: Bearer <key>"', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    const run = await verify(dataDir, `Authorization: Bearer ${key}\n`);
    expect({ code: run.code, verdict: run.stdout.split(' ')[0] }).toEqual({ code: 0, verdict: 'VALID' });
  });

  it('garbage, or a key whose checksum fails, is MALFORMED: exit 5', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    const garbage = await verify(dataDir, 'definitely not a key');
    expect({ code: garbage.code, stdout: garbage.stdout }).toEqual({ code: 5, stdout: 'MALFORMED\n' });
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    const typo = await verify(dataDir, `${key.slice(0, -1)}${last}`);
    expect({ code: typo.code, stdout: typo.stdout }).toEqual({ code: 5, stdout: 'MALFORMED\n' });
  });

  it('a disabled key is DISABLED (exit 5) until it is enabled again', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    expect(await keyhavenOk(['keys', 'disable', 'Pyas', keyIdOf(key)], { dataDir })).toBe(
      `Disabled pyas_${keyIdOf(key)}.\n`,
    );
    const off = await verify(dataDir, key);
    expect({ code: off.code, stdout: off.stdout }).toEqual({
      code: 5,
      stdout: `DISABLED pyas_${keyIdOf(key)} (CI, disabled)\n`,
    });
    expect(await statusOf(dataDir, keyIdOf(key))).toBe('disabled');
    await keyhavenOk(['keys', 'enable', 'Pyas', keyIdOf(key)], { dataDir });
    expect((await verify(dataDir, key)).stdout.split(' ')[0]).toBe('VALID');
  });

  it('--scope the key lacks is INSUFFICIENT_SCOPE (exit 5); one it has is VALID', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir, ['--scope', 'read:items']);
    const missing = await verify(dataDir, key, ['--scope', 'write:integrations']);
    expect({ code: missing.code, verdict: missing.stdout.split(' ')[0] }).toEqual({
      code: 5,
      verdict: 'INSUFFICIENT_SCOPE',
    });
    const held = await verify(dataDir, key, ['--scope', 'read:items']);
    expect({ code: held.code, verdict: held.stdout.split(' ')[0] }).toEqual({ code: 0, verdict: 'VALID' });
  });

  it('empty stdin exits 2; a key as an argument exits 2', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    expectFailure(await verify(dataDir, ''), 2);
    const run = await keyhaven(['keys', 'verify', key], { dataDir });
    expectFailure(run, 2);
    expect(run.stderr).not.toContain(key);
  });
});

describe('keyhaven keys rotate / revoke', () => {
  const newDataDir = useDataFolders();

  it('rotate prints a new key; the old one is rotated and still VALID during --grace 1h', async () => {
    const dataDir = newDataDir();
    const old = await appWithKey(dataDir);
    const run = await keyhaven(['keys', 'rotate', 'Pyas', keyIdOf(old), '--grace', '1h'], { dataDir });
    expect(run.code).toBe(0);
    const fresh = run.stdout.trimEnd();
    expect(fresh).toMatch(ISSUED_KEY);
    expect(fresh).not.toBe(old);
    expect(run.stderr).toContain(`pyas_${keyIdOf(old)}`);
    expect(run.stderr).not.toContain(fresh);
    expect(await statusOf(dataDir, keyIdOf(old))).toBe('rotated');
    expect(await statusOf(dataDir, keyIdOf(fresh))).toBe('active');
    expect((await verify(dataDir, old)).stdout).toMatch(/^VALID /);
    expect((await verify(dataDir, fresh)).stdout).toMatch(/^VALID /);
  });

  it('rotate with --grace 0 stops the old key at once', async () => {
    const dataDir = newDataDir();
    const old = await appWithKey(dataDir);
    const fresh = (
      await keyhavenOk(['keys', 'rotate', 'Pyas', `pyas_${keyIdOf(old)}`, '--grace', '0'], { dataDir })
    ).trimEnd();
    const oldRun = await verify(dataDir, old);
    expect(oldRun.code).toBe(5);
    expect(oldRun.stdout).not.toMatch(/^VALID/);
    expect((await verify(dataDir, fresh)).code).toBe(0);
  });

  it('rotate with an unknown --grace exits 2 and keeps the key', async () => {
    const dataDir = newDataDir();
    const old = await appWithKey(dataDir);
    expectFailure(await keyhaven(['keys', 'rotate', 'Pyas', keyIdOf(old), '--grace', '3w'], { dataDir }), 2);
    expect(await statusOf(dataDir, keyIdOf(old))).toBe('active');
  });

  it('the rotated key saved in a vault is updated there', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const old = await issueKey(dataDir, 'Pyas', ['--name', 'Saved', '--no-scopes', '--save-in', 'Personal']);
    const fresh = (await keyhavenOk(['keys', 'rotate', 'Pyas', keyIdOf(old)], { dataDir })).trimEnd();
    expect(await keyhavenOk(['read', 'kh://Personal/Saved', '-n'], { dataDir })).toBe(fresh);
  });

  it('revoke stops the key: verify is no longer VALID', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    expect(await keyhavenOk(['keys', 'revoke', 'Pyas', keyIdOf(key)], { dataDir })).toContain(`pyas_${keyIdOf(key)}`);
    const run = await verify(dataDir, key);
    expect(run.code).toBe(5);
    expect(run.stdout).toMatch(/^REVOKED /);
    expect(await statusOf(dataDir, keyIdOf(key))).toBe('revoked');
  });

  it('an unknown app or key id exits 3', async () => {
    const dataDir = newDataDir();
    const key = await appWithKey(dataDir);
    expectFailure(await keyhaven(['keys', 'rotate', 'Ghost', keyIdOf(key)], { dataDir }), 3);
    expectFailure(await keyhaven(['keys', 'revoke', 'Ghost', keyIdOf(key)], { dataDir }), 3);
    expect(expectFailure(await keyhaven(['keys', 'rotate', 'Pyas', 'ZZZZZZZZ'], { dataDir }), 3)).toContain('ZZZZZZZZ');
    expect(expectFailure(await keyhaven(['keys', 'revoke', 'Pyas', 'ZZZZZZZZ'], { dataDir }), 3)).toContain('ZZZZZZZZ');
    expect(await statusOf(dataDir, keyIdOf(key))).toBe('active');
  });

  it('key.generated, key.rotated and key.revoked records carry the actor cli and no key', async () => {
    const dataDir = newDataDir();
    const first = await appWithKey(dataDir);
    const second = (await keyhavenOk(['keys', 'rotate', 'Pyas', keyIdOf(first)], { dataDir })).trimEnd();
    await keyhavenOk(['keys', 'revoke', 'Pyas', keyIdOf(second)], { dataDir });
    const generated = activityOfType(dataDir, 'key.generated');
    expect(generated.map((line) => line.keyLabel)).toEqual([`pyas_${keyIdOf(first)}`, `pyas_${keyIdOf(second)}`]);
    const rotated = activityOfType(dataDir, 'key.rotated');
    const revoked = activityOfType(dataDir, 'key.revoked');
    expect(rotated).toEqual([expect.objectContaining({ keyLabel: `pyas_${keyIdOf(first)}` })]);
    expect(revoked).toEqual([expect.objectContaining({ keyLabel: `pyas_${keyIdOf(second)}` })]);
    for (const line of [...generated, ...rotated, ...revoked]) expect(line.actor).toBe('cli');
    const text = activityText(dataDir);
    expect(text).not.toContain(first);
    expect(text).not.toContain(second);
  });
});
