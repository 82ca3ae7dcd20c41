import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, activityText, addEntry, entriesJson, expectFailure, vaultsJson } from './cli-fixtures';

const SECRET = 'sk_live_R3adT3st9xQ2vLm8Kp4Zw7Yt';
const SHORT_SECRET = 'ab12cd34ef';

describe('keyhaven read', () => {
  const newDataDir = useDataFolders();

  it('prints the key and a newline, or no newline with -n', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    expect(await keyhavenOk(['read', 'kh://Personal/Stripe'], { dataDir })).toBe(`${SECRET}\n`);
    expect(await keyhavenOk(['read', 'kh://Personal/Stripe', '-n'], { dataDir })).toBe(SECRET);
    expect(await keyhavenOk(['read', '--no-newline', 'kh://Personal/Stripe'], { dataDir })).toBe(SECRET);
  });

  it('prints the header line of a pasted "Authorization: Bearer" key, and its scheme', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'OpenAI', `Authorization: Bearer ${SECRET}`);
    expect(await keyhavenOk(['read', 'kh://Personal/OpenAI'], { dataDir })).toBe(`${SECRET}\n`);
    expect(await keyhavenOk(['read', 'kh://Personal/OpenAI/header'], { dataDir })).toBe(
      `Authorization: Bearer ${SECRET}\n`,
    );
    expect(await keyhavenOk(['read', 'kh://Personal/OpenAI/scheme'], { dataDir })).toBe('bearer\n');
  });

  it('prints a custom header line, its scheme and the base URL', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Deploy', SECRET, [
      '--scheme',
      'header:X-Token',
      '--base-url',
      'https://api.example.com',
    ]);
    expect(await keyhavenOk(['read', 'kh://Personal/Deploy/header'], { dataDir })).toBe(`X-Token: ${SECRET}\n`);
    expect(await keyhavenOk(['read', 'kh://Personal/Deploy/scheme'], { dataDir })).toBe('header:X-Token\n');
    expect(await keyhavenOk(['read', 'kh://Personal/Deploy/base-url', '-n'], { dataDir })).toBe(
      'https://api.example.com',
    );
  });

  it('matches vault and entry names in any case', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    expect(await keyhavenOk(['read', 'kh://PERSONAL/sTrIpE', '-n'], { dataDir })).toBe(SECRET);
  });

  it('reads percent-encoded names: a vault "Team keys" and an entry "Deploy/prod"', async () => {
    const dataDir = newDataDir();
    await keyhavenOk(['vault', 'create', 'Team keys'], { dataDir });
    const added = await addEntry(dataDir, 'Team keys', 'Deploy/prod', SECRET);
    expect(added).toContain('kh://Team%20keys/Deploy%2Fprod');
    expect(await keyhavenOk(['read', 'kh://Team%20keys/Deploy%2Fprod', '-n'], { dataDir })).toBe(SECRET);
    expect((await entriesJson(dataDir, 'Team keys'))[0]?.reference).toBe('kh://Team%20keys/Deploy%2Fprod');
  });

  it('reads by vault id and entry id instead of names', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    const vault = (await vaultsJson(dataDir)).find((v) => v.name === 'Personal');
    const entry = (await entriesJson(dataDir, 'Personal'))[0];
    expect(vault && entry).toBeTruthy();
    expect(await keyhavenOk(['read', `kh://${vault?.id}/${entry?.id}`, '-n'], { dataDir })).toBe(SECRET);
  });

  it('prints {reference, field, value} with --json', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET, ['--scheme', 'bearer']);
    const keyRead = JSON.parse(await keyhavenOk(['read', 'kh://personal/stripe', '--json'], { dataDir })) as unknown;
    expect(keyRead).toEqual({ reference: 'kh://personal/stripe', field: 'key', value: SECRET });
    const header = JSON.parse(
      await keyhavenOk(['--json', 'read', 'kh://Personal/Stripe/header'], { dataDir }),
    ) as unknown;
    expect(header).toEqual({
      reference: 'kh://Personal/Stripe/header',
      field: 'header',
      value: `Authorization: Bearer ${SECRET}`,
    });
  });

  it('records one entry.read by the command line per read, never with the key', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    await keyhavenOk(['read', 'kh://Personal/Stripe'], { dataDir });
    const first = activityOfType(dataDir, 'entry.read');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ actor: 'cli', appId: null });
    expect(first[0]?.summary).toContain('Stripe');
    await keyhavenOk(['read', 'kh://Personal/Stripe/header'], { dataDir });
    expect(activityOfType(dataDir, 'entry.read')).toHaveLength(2);
    expect(activityText(dataDir)).not.toContain(SECRET);
  });

  it('never writes a short key into the activity log either', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Tiny', SHORT_SECRET);
    expect(await keyhavenOk(['read', 'kh://Personal/Tiny', '-n'], { dataDir })).toBe(SHORT_SECRET);
    expect(activityOfType(dataDir, 'entry.read')).toHaveLength(1);
    expect(activityText(dataDir)).not.toContain(SHORT_SECRET);
  });

  it('an unknown vault or entry exits 3 with one line naming it', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    const vault = expectFailure(await keyhaven(['read', 'kh://Nowhere/Stripe'], { dataDir }), 3);
    expect(vault).toContain('Nowhere');
    const entry = expectFailure(await keyhaven(['read', 'kh://Personal/Missing'], { dataDir }), 3);
    expect(entry).toContain('Missing');
    expect(activityOfType(dataDir, 'entry.read')).toHaveLength(0);
  });

  it.each(['kh:/x', 'kh://a', 'kh://a/b/c/d', 'kh://a/b/password', 'kh://a/%ZZ', 'Personal/Stripe'])(
    'a malformed reference %s exits 2',
    async (reference) => {
      const dataDir = newDataDir();
      expectFailure(await keyhaven(['read', reference], { dataDir }), 2);
    },
  );

  it('two entries with the same name exit 6 (conflict) and the id still reads each', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Dup', SECRET);
    await addEntry(dataDir, 'Personal', 'dup', SHORT_SECRET);
    const line = expectFailure(await keyhaven(['read', 'kh://Personal/Dup'], { dataDir }), 6);
    expect(line).toContain('Dup');
    expect(line).not.toContain(SECRET);
    const entries = await entriesJson(dataDir, 'Personal');
    const values: string[] = [];
    for (const entry of entries)
      values.push(await keyhavenOk(['read', `kh://Personal/${entry.id}`, '-n'], { dataDir }));
    expect(values.sort()).toEqual([SECRET, SHORT_SECRET].sort());
  });

  it('/base-url on an entry without one exits 3', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    const line = expectFailure(await keyhaven(['read', 'kh://Personal/Stripe/base-url'], { dataDir }), 3);
    expect(line).toMatch(/base URL/i);
    expect(line).not.toContain(SECRET);
  });
});
