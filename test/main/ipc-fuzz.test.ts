import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
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

/** Bad input: anything at all, or a valid-looking object with one field broken or an unknown id. */
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
  return fc.oneof(fc.anything(), shaped).filter((payload) => {
    const parsed = schema.safeParse(payload);
    // A payload that passes validation is still "bad" when it names nothing that exists (fresh uuids);
    // the one that could legitimately create something is a valid apps:create, which is excluded.
    return !parsed.success ? true : channel !== 'apps:create';
  });
}

describe('fuzzing the issuing channels over IPC', () => {
  let t: TestCore;
  let invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>;

  beforeAll(async () => {
    t = await openTestCore();
    const app = await t.core.apps.create({ name: 'Pyas' });
    await t.core.keys.generate(generateInput(app.id));
    electron.reset();
    const window = new FakeBrowserWindow({});
    await window.loadFile(INDEX);
    const page = resolveAppPage({ devUrl: undefined, isPackaged: true, indexFile: INDEX });
    registerIpc({
      handlers: createHandlers(t.core),
      mainContents: () => window.webContents as unknown as WebContents,
      isAppUrl: (url) => isAppUrl(page, url),
      log: () => {},
    });
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    invoke = (channel, input) => electron.invoke(channel, event, input) as Promise<Result<unknown>>;
  });
  afterAll(() => t.dispose());

  it.each(ISSUING)('%s: 10,000 bad payloads never throw and never change stored data', async (channel) => {
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
  });
});
