import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityText, addEntry, entriesJson, expectFailure, vaultsJson } from './cli-fixtures';

const SECRET = 'sk_live_V4u1tT3stQ9wE7rT5yU3iO1p';
const NEW_SECRET = 'sk_live_N3wV4lu3Z8xC6vB4nM2qW0eR';

describe('keyhaven vault ls / create / entries', () => {
  const newDataDir = useDataFolders();

  it('ls lists the vaults as a table and as JSON', async () => {
    const dataDir = newDataDir();
    await keyhavenOk(['vault', 'create', 'Team keys'], { dataDir });
    const text = await keyhavenOk(['vault', 'ls'], { dataDir });
    expect(text.split('\n')[0]).toMatch(/^NAME\s+KEYS\s+CREATED\s+ID$/);
    expect(text).toContain('Team keys');
    const vaults = await vaultsJson(dataDir);
    const team = vaults.find((vault) => vault.name === 'Team keys');
    expect(team).toMatchObject({ name: 'Team keys', entryCount: 0 });
    expect(team?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toContain(team?.id);
  });

  it('create prints the new vault; a taken name (any case) exits 6', async () => {
    const dataDir = newDataDir();
    expect(await keyhavenOk(['vault', 'create', 'Team'], { dataDir })).toContain('"Team"');
    expectFailure(await keyhaven(['vault', 'create', 'Team'], { dataDir }), 6);
    expectFailure(await keyhaven(['vault', 'create', 'team'], { dataDir }), 6);
    expect((await vaultsJson(dataDir)).filter((vault) => vault.name.toLowerCase() === 'team')).toHaveLength(1);
  });

  it('entries shows names and settings, never the key (text and JSON)', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET, ['--scheme', 'bearer', '--base-url', 'https://api.x.io']);
    const text = await keyhavenOk(['vault', 'entries', 'Personal'], { dataDir });
    expect(text).toContain('Stripe');
    expect(text).toContain('kh://Personal/Stripe');
    expect(text).not.toContain(SECRET);
    const json = await keyhavenOk(['vault', 'entries', 'Personal', '--json'], { dataDir });
    expect(json).not.toContain(SECRET);
    expect(JSON.parse(json)).toEqual([
      expect.objectContaining({
        name: 'Stripe',
        vault: 'Personal',
        reference: 'kh://Personal/Stripe',
        scheme: 'bearer',
        baseUrl: 'https://api.x.io',
        version: 1,
      }),
    ]);
  });

  it('an unknown vault exits 3 for entries, add, set and rm', async () => {
    const dataDir = newDataDir();
    const runs = [
      await keyhaven(['vault', 'entries', 'Nowhere'], { dataDir }),
      await keyhaven(['vault', 'add', 'Nowhere', '--name', 'X'], { dataDir, input: SECRET }),
      await keyhaven(['vault', 'set', 'Nowhere', 'X'], { dataDir, input: SECRET }),
      await keyhaven(['vault', 'rm', 'Nowhere', 'X'], { dataDir }),
    ];
    for (const run of runs) expect(expectFailure(run, 3)).toContain('Nowhere');
  });
});

describe('keyhaven vault add', () => {
  const newDataDir = useDataFolders();

  it('stores a bare key read from stdin (surrounding whitespace trimmed)', async () => {
    const dataDir = newDataDir();
    const out = await addEntry(dataDir, 'Personal', 'Plain', `  ${SECRET}\n`);
    expect(out).toContain('kh://Personal/Plain');
    expect(out).not.toContain(SECRET);
    expect(await keyhavenOk(['read', 'kh://Personal/Plain', '-n'], { dataDir })).toBe(SECRET);
  });

  it('splits a pasted "Authorization: Bearer X": stores X with the scheme bearer', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Pasted', `Authorization: Bearer ${SECRET}\n`);
    expect(await keyhavenOk(['read', 'kh://Personal/Pasted', '-n'], { dataDir })).toBe(SECRET);
    expect((await entriesJson(dataDir, 'Personal'))[0]?.scheme).toBe('bearer');
  });

  it('takes --scheme header:X-Token', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Custom', SECRET, ['--scheme', 'header:X-Token']);
    expect((await entriesJson(dataDir, 'Personal'))[0]?.scheme).toBe('header:X-Token');
    expect(await keyhavenOk(['read', 'kh://Personal/Custom/header', '-n'], { dataDir })).toBe(`X-Token: ${SECRET}`);
  });

  it.each([
    ['an invalid --scheme', ['--scheme', 'carrier-pigeon']],
    ['a --scheme header without a name', ['--scheme', 'header:']],
    ['an invalid --base-url', ['--base-url', 'not a url']],
  ])('%s exits 2 and adds nothing', async (_what, flags) => {
    const dataDir = newDataDir();
    expectFailure(await keyhaven(['vault', 'add', 'Personal', '--name', 'X', ...flags], { dataDir, input: SECRET }), 2);
    expect(await entriesJson(dataDir, 'Personal')).toEqual([]);
  });

  it('--key=… exits 2 and never echoes the value', async () => {
    const dataDir = newDataDir();
    const value = 'sk_live_0nTh3CmdL1n3';
    const run = await keyhaven(['vault', 'add', 'Personal', '--name', 'X', `--key=${value}`], { dataDir });
    const line = expectFailure(run, 2);
    expect(line).toContain('--key');
    expect(line).toMatch(/stdin/);
    expect(run.stderr).not.toContain(value);
    expect(await entriesJson(dataDir, 'Personal')).toEqual([]);
  });

  it('an unknown option carrying a secret-looking value exits 2 and never echoes it', async () => {
    const dataDir = newDataDir();
    for (const args of [['--token=sk_live_T0k3nV4lu3'], ['--token', 'sk_live_T0k3nV4lu3'], ['-t=sk_live_T0k3nV4lu3']]) {
      const run = await keyhaven(['vault', 'add', 'Personal', '--name', 'X', ...args], { dataDir, input: SECRET });
      expectFailure(run, 2);
      expect(run.stderr).not.toContain('sk_live_T0k3nV4lu3');
      expect(run.stderr).not.toContain('T0k3n');
    }
  });

  it('an extra positional argument exits 2 and never echoes it (a key typed in the wrong place)', async () => {
    const dataDir = newDataDir();
    const typedKey = 'a3f9c2e81b7d4e60';
    const run = await keyhaven(['vault', 'add', 'Personal', '--name', 'X', typedKey], { dataDir, input: SECRET });
    const line = expectFailure(run, 2);
    expect(line).toMatch(/stdin/);
    expect(await entriesJson(dataDir, 'Personal')).toEqual([]);
    // The message warns that keys do not belong in arguments: it must not print the key back.
    expect(run.stderr).not.toContain(typedKey);
  });

  it('empty stdin exits 2 and adds nothing', async () => {
    const dataDir = newDataDir();
    expectFailure(await keyhaven(['vault', 'add', 'Personal', '--name', 'X'], { dataDir }), 2);
    expectFailure(await keyhaven(['vault', 'add', 'Personal', '--name', 'X'], { dataDir, input: ' \n\t ' }), 2);
    expect(await entriesJson(dataDir, 'Personal')).toEqual([]);
  });
});

describe('keyhaven vault set / rm', () => {
  const newDataDir = useDataFolders();

  it('set replaces the key (read returns the new one) and keeps the old one: version 2', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    const out = await keyhavenOk(['vault', 'set', 'Personal', 'stripe'], { dataDir, input: NEW_SECRET });
    expect(out).not.toContain(NEW_SECRET);
    expect(await keyhavenOk(['read', 'kh://Personal/Stripe', '-n'], { dataDir })).toBe(NEW_SECRET);
    expect((await entriesJson(dataDir, 'Personal'))[0]?.version).toBe(2);
    expect(activityText(dataDir)).toContain('"type":"entry.replaced"');
  });

  it('set with empty stdin exits 2 and keeps the key', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    expectFailure(await keyhaven(['vault', 'set', 'Personal', 'Stripe'], { dataDir }), 2);
    expect(await keyhavenOk(['read', 'kh://Personal/Stripe', '-n'], { dataDir })).toBe(SECRET);
  });

  it('rm removes the entry: it is gone from entries and read exits 3', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    await addEntry(dataDir, 'Personal', 'Other', NEW_SECRET);
    await keyhavenOk(['vault', 'rm', 'Personal', 'Stripe'], { dataDir });
    expect((await entriesJson(dataDir, 'Personal')).map((entry) => entry.name)).toEqual(['Other']);
    expectFailure(await keyhaven(['read', 'kh://Personal/Stripe'], { dataDir }), 3);
    expectFailure(await keyhaven(['vault', 'rm', 'Personal', 'Stripe'], { dataDir }), 3);
  });

  it('set and rm of an unknown entry exit 3', async () => {
    const dataDir = newDataDir();
    expectFailure(await keyhaven(['vault', 'set', 'Personal', 'Ghost'], { dataDir, input: SECRET }), 3);
    expectFailure(await keyhaven(['vault', 'rm', 'Personal', 'Ghost'], { dataDir }), 3);
  });

  it('vault changes are recorded with the actor cli and never carry a key', async () => {
    const dataDir = newDataDir();
    await keyhavenOk(['vault', 'create', 'Team'], { dataDir });
    await addEntry(dataDir, 'Team', 'Stripe', SECRET);
    await keyhavenOk(['vault', 'set', 'Team', 'Stripe'], { dataDir, input: NEW_SECRET });
    await keyhavenOk(['vault', 'rm', 'Team', 'Stripe'], { dataDir });
    const lines = activityText(dataDir)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.type, line.actor])).toEqual([
      ['vault.created', 'cli'],
      ['entry.added', 'cli'],
      ['entry.replaced', 'cli'],
      ['entry.removed', 'cli'],
    ]);
    // Each names its vault (and entry) by id too, as the app's vault records do (issue 14).
    const team = (await vaultsJson(dataDir)).find((vault) => vault.name === 'Team')!;
    expect(lines.map((line) => line.vaultId)).toEqual([team.id, team.id, team.id, team.id]);
    expect(new Set(lines.slice(1).map((line) => line.entryId)).size).toBe(1);
    expect(lines[0]!.entryId).toBeUndefined();
    expect(activityText(dataDir)).not.toContain(SECRET);
    expect(activityText(dataDir)).not.toContain(NEW_SECRET);
  });
});
