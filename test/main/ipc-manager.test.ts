import type { WebContents } from 'electron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type Handlers } from '../../electron/core/api/handlers';
import { hostOf } from '../../electron/core/core-host';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/errors';
import { openTestCore, type TestCore } from '../support/open-test-core';
import { electron, FakeBrowserWindow, type FakeWebFrame } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

const { registerIpc } = await import('../../electron/main/ipc/ipc-manager');
const { isAppUrl, resolveAppPage } = await import('../../electron/main/app-origin');

const INDEX = '/opt/Keyhaven/resources/app/out/renderer/index.html';
const page = resolveAppPage({ devUrl: undefined, isPackaged: true, indexFile: INDEX });
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_BODY = Array.from({ length: 38 }, (_, i) => BASE62[(i * 17 + 5) % 62]).join('');
const SECRET_KEY = `pyas_n58lZyBi.${SECRET_BODY}`;

let testCore: TestCore;
let handlers: Handlers;
let logs: string[];
let window: FakeBrowserWindow;
let unregister: () => void;

beforeAll(async () => {
  testCore = await openTestCore();
  handlers = createHandlers(hostOf(testCore.core));
});
afterAll(() => testCore.dispose());

function register(overrides: Partial<Handlers> = {}): void {
  unregister = registerIpc({
    handlers: { ...handlers, ...overrides },
    mainContents: () => window.webContents as unknown as WebContents,
    isAppUrl: (url) => isAppUrl(page, url),
    log: (line) => logs.push(line),
  });
}

/** An invoke event as Electron builds it: the sending web contents and frame. */
const from = (frame: FakeWebFrame | null, sender: unknown = window.webContents) => ({ sender, senderFrame: frame });
const invoke = (channel: string, event: unknown, input?: unknown) =>
  electron.invoke(channel, event, input) as Promise<Result<unknown>>;

beforeEach(async () => {
  electron.reset();
  logs = [];
  window = new FakeBrowserWindow({});
  await window.loadURL('app://keyhaven/index.html');
});
afterEach(() => unregister?.());

describe('registration', () => {
  it('registers exactly one handler per contract channel and nothing else', () => {
    register();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const handleCalls = electron.calls.filter((call) => call.startsWith('ipcMain.handle '));
    expect(handleCalls).toHaveLength(CHANNELS.length);
    expect(new Set(handleCalls).size).toBe(CHANNELS.length);
  });

  it('unregisters every handler, so registering again works', () => {
    register();
    unregister();
    expect(electron.ipcHandlers.size).toBe(0);
    register();
    expect(electron.ipcHandlers.size).toBe(CHANNELS.length);
  });
});

describe('requests from the app page', () => {
  it('reach the real core', async () => {
    register();
    const created = await invoke('apps:create', from(window.webContents.mainFrame), { name: 'Pyas' });
    expect(created.ok).toBe(true);
    const listed = await invoke('apps:list', from(window.webContents.mainFrame));
    expect(listed).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ name: 'Pyas' })]),
    });
  });

  it('answer an invalid payload with INVALID_INPUT, not a thrown error', async () => {
    register();
    const result = await invoke('apps:get', from(window.webContents.mainFrame), { appId: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await invoke('apps:list', from(window.webContents.mainFrame), { path: '/etc/passwd' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accept any #route of the page', async () => {
    register();
    window.webContents.mainFrame.url = `${page.url}#/apps/1`;
    expect(await invoke('system:status', from(window.webContents.mainFrame))).toMatchObject({ ok: true });
  });
});

describe('the sender check', () => {
  const CANARY = 'canary-payload-7f3a';
  const cases: Array<[string, () => ReturnType<typeof from>]> = [
    ['a sub-frame of the window', () => from(window.webContents.mainFrame.child(page.url))],
    [
      'another web contents',
      () => {
        const other = new FakeBrowserWindow({});
        other.webContents.mainFrame.url = page.url;
        return from(other.webContents.mainFrame, other.webContents);
      },
    ],
    [
      'a foreign URL in the main frame',
      () => {
        window.webContents.mainFrame.url = 'https://evil.example/phish?token=abc';
        return from(window.webContents.mainFrame);
      },
    ],
    [
      'another file: page',
      () => ((window.webContents.mainFrame.url = 'file:///tmp/index.html'), from(window.webContents.mainFrame)),
    ],
    ['a frame that is gone', () => from(null)],
  ];

  it.each(cases)('refuses %s with FORBIDDEN_SENDER without calling the handler', async (_label, makeEvent) => {
    const create = vi.fn(handlers['apps:create']);
    register({ 'apps:create': create });
    const result = await invoke('apps:create', makeEvent(), { name: CANARY });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(create).not.toHaveBeenCalled();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/refused apps:create/);
    expect(logs[0]).not.toContain(CANARY);
    expect(logs[0]).not.toContain('token=abc');
  });
});

describe('errors', () => {
  it('turn an unexpected error carrying a key into INTERNAL, with the key in neither the answer nor the log', async () => {
    register({
      'apps:list': () => {
        throw new Error(`upstream said: invalid key ${SECRET_KEY} (retry later)`);
      },
    });
    const result = await invoke('apps:list', from(window.webContents.mainFrame));
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const answer = JSON.stringify(result);
    expect(logs).toHaveLength(1);
    const logged = logs[0] ?? '';
    expect(logged).toMatch(/apps:list failed/);
    for (const text of [answer, logged]) {
      // No 8-character run of the key survives anywhere (the key id included).
      for (let i = 0; i + 8 <= SECRET_KEY.length; i++) expect(text).not.toContain(SECRET_KEY.slice(i, i + 8));
    }
  });
});
