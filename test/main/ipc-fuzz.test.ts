import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { hostOf } from '../../electron/core/core-host';
import { contract } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/errors';
import { generateInput } from '../support/generate-input';
import { openTestCore, type TestCore } from '../support/open-test-core';
import { electron, FakeBrowserWindow } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

const { registerIpc } = await import('../../electron/main/ipc/ipc-manager');
const { isAppUrl, resolveAppPage } = await import('../../electron/main/app-origin');

/** The channels that change stored data: each gets 10,000 bad payloads. */
const ISSUING: Channel[] = [
  'apps:create',
  'apps:update',
  'apps:addScope',
  'apps:updateScope',
  'apps:removeScope',
  'keys:generate',
  'keys:rotate',
  'keys:revoke',
  'keys:recordViewed',
];
/** The vault, entry and key channels that change stored data (or the clipboard): the same treatment. */
const VAULTS: Channel[] = [
  'keys:saveInVault',
  'keys:copyPlaintext',
  'vaults:create',
  'vaults:rename',
  'vaults:delete',
  'vaults:updateSettings',
  'vaults:import',
  'entries:add',
  'entries:update',
  'entries:delete',
  'entries:restore',
  'entries:copy',
  'entries:transfer',
  'entries:deleteMany',
  'entries:restoreMany',
  'entries:tag',
  'entries:restoreVersion',
];
/** The console channels that write console.json (a valid send records history): the same treatment. */
const CONSOLE: Channel[] = [
  'console:sendRequest',
  'console:save',
  'console:updateSaved',
  'console:deleteSaved',
  'console:deleteHistory',
];
/**
 * The recovery channels move files aside: on a healthy folder any payload, valid or not, must change
 * nothing (a valid one answers CONFLICT: there is nothing to recover).
 */
const RECOVERY: Channel[] = ['recovery:restoreBackup', 'recovery:startEmpty', 'recovery:retry'];
/** Channels whose valid payload creates or changes something whatever ids it names. */
const ALWAYS_CHANGES = new Set<Channel>([
  'apps:create',
  'vaults:create',
  'vaults:updateSettings',
  'console:sendRequest',
  'console:save',
]);
const RUNS = 10_000;
const INDEX = '/opt/Keyhaven/resources/app/out/renderer/index.html';

/** Every file of the data folder, name → bytes: "changed nothing" is checked byte for byte. */
async function folderBytes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      out.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'latin1'));
  }
  return out;
}

/** Ids of things that exist, filled in beforeAll: payloads may name them (with another field broken). */
const existing: string[] = [];
const anyId = () => fc.oneof(fc.uuid(), fc.string(), fc.integer(), fc.constantFrom(...existing));

/** Values for the vault and entry fields: plausible, broken, or anything. */
function vaultFields(): Record<string, fc.Arbitrary<unknown>> {
  const text = fc.oneof(fc.string({ maxLength: 300 }), fc.constant(''), fc.constant(' '), fc.integer());
  return {
    vaultId: anyId(),
    entryId: anyId(),
    keyId: anyId(),
    secret: fc.oneof(text, fc.constant('Authorization: Bearer sk_fuzz_1234'), fc.anything()),
    passphrase: fc.oneof(text, fc.constant('Correct horse battery staple 42')),
    contents: fc.oneof(text, fc.constant('{"format":"keyhaven-vault-export","version":9}\nAAAA\n')),
    choices: fc.oneof(fc.dictionary(fc.oneof(fc.uuid(), fc.string()), fc.string()), fc.anything()),
    format: fc.oneof(fc.constantFrom('value', 'header'), fc.string()),
    version: fc.oneof(fc.integer(), fc.double(), fc.anything()),
    scheme: fc.oneof(
      fc.constantFrom({ kind: 'bearer' }, { kind: 'header', name: 'bad name' }, { kind: 'query' }),
      fc.anything(),
    ),
    preset: fc.oneof(fc.constantFrom('pyas', 'cerby', 'nope'), fc.anything()),
    service: text,
    baseUrl: fc.oneof(fc.constantFrom('https://ok.example', 'ftp://x', 'javascript:alert(1)'), fc.anything()),
    allowedHosts: fc.oneof(fc.array(fc.string()), fc.anything()),
    tags: fc.oneof(fc.array(text), fc.anything()),
    notes: text,
    expiresAt: fc.oneof(fc.constant('2030-01-01T00:00:00.000Z'), fc.string(), fc.anything()),
    entryIds: fc.oneof(fc.array(anyId()), fc.constant([]), fc.anything()),
    autoLockMinutes: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double(), fc.anything()),
    clipboardClearSeconds: fc.oneof(fc.integer({ min: -5, max: 700 }), fc.anything()),
    lockOnScreenLock: fc.oneof(fc.boolean(), fc.anything()),
  };
}

/** The channel's own field names (when its request is an object schema), each with a fuzzed value. */
function ownShape(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].request as unknown as { shape?: Record<string, unknown> };
  const pool = vaultFields();
  const names = Object.keys(schema.shape ?? {});
  return fc.record(Object.fromEntries(names.map((name) => [name, pool[name] ?? fc.anything()])), { requiredKeys: [] });
}

/**
 * Bad input: anything at all, a valid-looking object with one field broken, or one naming an id that
 * does not exist. A payload that passes validation is kept only when it cannot legitimately change
 * anything: it names no existing id, and the channel is not one whose valid call always writes.
 */
function badPayload(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].request;
  const shaped = fc.record(
    {
      appId: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
      id: fc.oneof(fc.uuid(), fc.string()),
      scopeId: fc.oneof(fc.string(), fc.constant('read:items')),
      name: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(''), fc.integer(), fc.constant(null)),
      label: fc.string(),
      keyPrefix: fc.string(),
      expiration: fc.oneof(fc.anything(), fc.constant({ kind: 'custom', at: '2001-01-01T00:00:00.000Z' })),
      scopes: fc.oneof(fc.array(fc.string()), fc.constant([]), fc.anything()),
      grace: fc.string(),
      action: fc.string(),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(fc.anything(), shaped, ownShape(channel)).filter((payload) => {
    // As dispatch does: a missing payload is validated as {}.
    if (!schema.safeParse(payload ?? {}).success) return true;
    if (ALWAYS_CHANGES.has(channel)) return false;
    const text = JSON.stringify(payload) ?? '';
    return !existing.some((id) => text.includes(id));
  });
}

describe('fuzzing the issuing channels over IPC', () => {
  let t: TestCore;
  let invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>;

  beforeAll(async () => {
    t = await openTestCore();
    const app = await t.core.apps.create({ name: 'Pyas' });
    await t.core.keys.generate(generateInput(app.id));
    // A vault with an entry, and a key whose plaintext is held for Save in vault: ids a payload may name.
    const [vault] = t.core.vaults.vaults.listVaults();
    const entry = await t.core.vaults.entries.addEntry({ vaultId: vault!.id, name: 'Fuzzed', secret: 'kept-value' });
    const held = await t.core.issuing.generate(generateInput(app.id, { name: 'Held' }));
    existing.push(app.id, vault!.id, entry.id, held.key.id);
    electron.reset();
    const window = new FakeBrowserWindow({});
    await window.loadURL('app://keyhaven/index.html');
    const page = resolveAppPage({ devUrl: undefined, isPackaged: true, indexFile: INDEX });
    registerIpc({
      handlers: createHandlers(hostOf(t.core)),
      mainContents: () => window.webContents as unknown as WebContents,
      isAppUrl: (url) => isAppUrl(page, url),
      log: () => {},
    });
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    invoke = (channel, input) => electron.invoke(channel, event, input) as Promise<Result<unknown>>;
  });
  afterAll(() => t.dispose());

  it.each([...ISSUING, ...VAULTS, ...CONSOLE, ...RECOVERY])(
    '%s: 10,000 bad payloads never throw and never change stored data',
    async (channel) => {
      const before = await folderBytes(t.dataDir);
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(badPayload(channel), async (payload) => {
          const result = await invoke(channel, payload);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT']).toContain(result.error.code);
          answered += 1;
        }),
        { numRuns: RUNS },
      );
      expect(answered).toBe(RUNS);
      expect(await folderBytes(t.dataDir)).toEqual(before);
      expect(t.platform.writes).toEqual([]); // no Copy reached the clipboard
    },
    // 10,000 round trips per channel: about 2 s on an idle machine, past vitest's 5 s default on a
    // busy one (a CI run timed out there). A volume test, not a timing one: give it room.
    30_000,
  );
});
