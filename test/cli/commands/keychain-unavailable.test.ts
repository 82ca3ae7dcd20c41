import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, activityText, addEntry, expectFailure } from './cli-fixtures';

const SECRET = 'sk_live_N0K3ych41nH3r3qW8eR5tY2u';
/** A session bus that does not exist: keytar cannot reach any Secret Service. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

describe('keyhaven without a reachable keychain', () => {
  const newDataDir = useDataFolders();

  it('read exits 4 with one line saying what to do, and no key', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    const run = await keyhaven(['read', 'kh://Personal/Stripe'], { dataDir, env: NO_KEYCHAIN });
    const line = expectFailure(run, 4);
    expect(line).toMatch(/keychain/i);
    expect(line).toMatch(/install|start|unlock/i);
    expect(run.stderr).not.toContain(SECRET);
    expect(activityOfType(dataDir, 'entry.read')).toHaveLength(0);
    expect(activityText(dataDir)).not.toContain(SECRET);
  });

  it('/header needs the keychain too (exit 4), while /scheme does not', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET, ['--scheme', 'bearer']);
    expectFailure(await keyhaven(['read', 'kh://Personal/Stripe/header'], { dataDir, env: NO_KEYCHAIN }), 4);
    const scheme = await keyhaven(['read', 'kh://Personal/Stripe/scheme'], { dataDir, env: NO_KEYCHAIN });
    expect({ code: scheme.code, stdout: scheme.stdout }).toEqual({ code: 0, stdout: 'bearer\n' });
  });

  it('the key is still readable once the keychain is back', async () => {
    const dataDir = newDataDir();
    await addEntry(dataDir, 'Personal', 'Stripe', SECRET);
    expectFailure(await keyhaven(['read', 'kh://Personal/Stripe'], { dataDir, env: NO_KEYCHAIN }), 4);
    expect(await keyhavenOk(['read', 'kh://Personal/Stripe', '-n'], { dataDir })).toBe(SECRET);
  });
});
