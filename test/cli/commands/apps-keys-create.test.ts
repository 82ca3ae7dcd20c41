import { describe, expect, it } from 'vitest';
import { parseKey } from '../../../electron/core/keys/key-format';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, activityText, createApp, expectFailure, ISSUED_KEY, issueKey, keyIdOf } from './cli-fixtures';

interface KeyJson {
  id: string;
  name: string;
  keyId: string;
  keyPrefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  status: string;
}

async function keysJson(dataDir: string, app = 'Pyas'): Promise<KeyJson[]> {
  return JSON.parse(await keyhavenOk(['keys', 'ls', app, '--json'], { dataDir })) as KeyJson[];
}

describe('keyhaven apps', () => {
  const newDataDir = useDataFolders();

  it('create derives the key prefix; ls shows it as text and JSON', async () => {
    const dataDir = newDataDir();
    expect(await keyhavenOk(['apps', 'create', 'Pyas', '--description', 'Items API'], { dataDir })).toContain('pyas_');
    const text = await keyhavenOk(['apps', 'ls'], { dataDir });
    expect(text.split('\n')[0]).toMatch(/^NAME\s+PREFIX/);
    expect(text).toMatch(/Pyas\s+pyas\s+0/);
    const apps = JSON.parse(await keyhavenOk(['apps', 'ls', '--json'], { dataDir })) as Record<string, unknown>[];
    expect(apps).toEqual([expect.objectContaining({ name: 'Pyas', keyPrefix: 'pyas', description: 'Items API' })]);
    expect(activityOfType(dataDir, 'app.created')).toEqual([expect.objectContaining({ actor: 'cli' })]);
  });

  it('an app name already taken exits 6', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    expectFailure(await keyhaven(['apps', 'create', 'Pyas'], { dataDir }), 6);
  });
});

describe('keyhaven keys create', () => {
  const newDataDir = useDataFolders();

  it('prints the key once on stdout (one checksum-valid line); stderr says it is shown once', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const run = await keyhaven(['keys', 'create', 'Pyas', '--name', 'CI deploy', '--no-scopes'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(1);
    const key = lines[0] as string;
    expect(key).toMatch(ISSUED_KEY);
    expect(parseKey(key)).toMatchObject({ prefix: 'pyas', keyId: keyIdOf(key) });
    expect(run.stderr).toMatch(/shown once/i);
    expect(run.stderr).not.toContain(key);
    const listed = await keyhavenOk(['keys', 'ls', 'Pyas'], { dataDir });
    expect(listed).toContain(`pyas_${keyIdOf(key)}`);
    expect(listed).not.toContain(key);
    expect(activityText(dataDir)).not.toContain(key);
  });

  it('issues with --scope (repeatable), keeping exactly those scopes', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const key = await issueKey(dataDir, 'Pyas', ['--name', 'Scoped', '--scope', 'read:items', '--scope', 'read:users']);
    expect(key).toMatch(ISSUED_KEY);
    expect((await keysJson(dataDir))[0]?.scopes.sort()).toEqual(['read:items', 'read:users']);
  });

  it('an unknown scope is refused (exit 2) and no key is issued', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const line = expectFailure(
      await keyhaven(['keys', 'create', 'Pyas', '--name', 'X', '--scope', 'fly:away'], { dataDir }),
      2,
    );
    expect(line).toContain('fly:away');
    expect(await keysJson(dataDir)).toEqual([]);
  });

  it('--scope with --no-scopes, or neither, exits 2', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const both = ['keys', 'create', 'Pyas', '--name', 'X', '--scope', 'read:items', '--no-scopes'];
    expectFailure(await keyhaven(both, { dataDir }), 2);
    expectFailure(await keyhaven(['keys', 'create', 'Pyas', '--name', 'X'], { dataDir }), 2);
    expect(await keysJson(dataDir)).toEqual([]);
  });

  it('--expires 1h, never and a future ISO date set the expiry', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const future = new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await issueKey(dataDir, 'Pyas', ['--name', 'Hour', '--no-scopes', '--expires', '1h']);
    await issueKey(dataDir, 'Pyas', ['--name', 'Forever', '--no-scopes', '--expires', 'never']);
    await issueKey(dataDir, 'Pyas', ['--name', 'Dated', '--no-scopes', '--expires', future]);
    const byName = new Map((await keysJson(dataDir)).map((key) => [key.name, key]));
    const hour = byName.get('Hour');
    expect(Date.parse(hour?.expiresAt ?? '') - Date.parse(hour?.createdAt ?? '')).toBe(3600 * 1000);
    expect(byName.get('Forever')?.expiresAt).toBeNull();
    expect(byName.get('Dated')?.expiresAt).toBe(`${future}T00:00:00.000Z`);
  });

  it.each([
    ['a past date', '2020-01-01'],
    ['garbage', 'next-tuesday'],
    ['a bad ISO date', '2030-13-45'],
  ])('--expires with %s exits 2 and issues nothing', async (_what, value) => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    expectFailure(
      await keyhaven(['keys', 'create', 'Pyas', '--name', 'X', '--no-scopes', '--expires', value], { dataDir }),
      2,
    );
    expect(await keysJson(dataDir)).toEqual([]);
  });

  it('--json prints the key record and the plaintext once', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const out = await keyhavenOk(['keys', 'create', 'Pyas', '--name', 'J', '--no-scopes', '--json'], { dataDir });
    const parsed = JSON.parse(out) as { key: KeyJson; plaintext: string; savedIn: string | null };
    expect(parsed.plaintext).toMatch(ISSUED_KEY);
    expect(parsed.key).toMatchObject({ name: 'J', keyPrefix: 'pyas', keyId: keyIdOf(parsed.plaintext) });
    expect(parsed.savedIn).toBeNull();
  });

  it('--save-in Personal saves it: read returns the same key', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const run = await keyhaven(['keys', 'create', 'Pyas', '--name', 'Saved', '--no-scopes', '--save-in', 'personal'], {
      dataDir,
    });
    expect(run.code).toBe(0);
    const key = run.stdout.trimEnd();
    expect(run.stderr).toContain('Personal');
    expect(await keyhavenOk(['read', 'kh://Personal/Saved', '-n'], { dataDir })).toBe(key);
  });

  it('--save-in an unknown vault exits 3 before issuing anything', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const line = expectFailure(
      await keyhaven(['keys', 'create', 'Pyas', '--name', 'X', '--no-scopes', '--save-in', 'Nowhere'], { dataDir }),
      3,
    );
    expect(line).toContain('Nowhere');
    expect(await keysJson(dataDir)).toEqual([]);
  });

  it('an unknown app exits 3 for create and ls', async () => {
    const dataDir = newDataDir();
    expect(
      expectFailure(await keyhaven(['keys', 'create', 'Ghost', '--name', 'X', '--no-scopes'], { dataDir }), 3),
    ).toContain('Ghost');
    expect(expectFailure(await keyhaven(['keys', 'ls', 'Ghost'], { dataDir }), 3)).toContain('Ghost');
  });

  it('keys ls shows each key by label and status, never the key', async () => {
    const dataDir = newDataDir();
    await createApp(dataDir);
    const key = await issueKey(dataDir, 'Pyas', ['--name', 'Listed', '--no-scopes', '--expires', 'never']);
    const text = await keyhavenOk(['keys', 'ls', 'pyas'], { dataDir });
    expect(text).toMatch(new RegExp(`Listed\\s+pyas_${keyIdOf(key)}\\s+active\\s+never`));
    expect(text).not.toContain(key);
    expect(await keyhavenOk(['keys', 'ls', 'Pyas', '--json'], { dataDir })).not.toContain(key);
    expect(activityOfType(dataDir, 'key.generated')).toEqual([
      expect.objectContaining({ actor: 'cli', keyLabel: `pyas_${keyIdOf(key)}` }),
    ]);
    // Printing it is its one showing, said as what happened (there is no store page in a terminal).
    expect(activityOfType(dataDir, 'key.shown')).toEqual([
      expect.objectContaining({
        actor: 'cli',
        summary: 'API key "Listed" shown once, printed by keyhaven keys create',
      }),
    ]);
  });
});
