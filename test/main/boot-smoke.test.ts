import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { CHANNELS, splitChannel } from '../../shared/ipc/channels';
import { EVENTS, subscriptionName } from '../../shared/ipc/events';
import { APP_CSP, cspHeader, cspMetaContent } from '../../shared/security/csp';
import { makeTempDir } from '../support/temp-dir';

/**
 * The built bundles, as Electron would run them (ENVIRONMENT.md "Electron"): out/main/index.js in a
 * plain Node child with 'electron' resolved to a recording stub, and out/preload/index.cjs evaluated
 * as the CommonJS script a sandboxed preload is. The test runner builds before the tests.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(ROOT, 'out/main/index.js');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');
const RENDERER = join(ROOT, 'out/renderer/index.html');
const REGISTER = join(ROOT, 'test/main/support/electron-boot-register.mjs');
const REPORT_PREFIX = 'KEYHAVEN_BOOT_REPORT ';

function requireBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
}

interface BootReport {
  calls: string[];
  ipcChannels: string[];
  windows: Array<{
    options: Record<string, unknown>;
    loadedUrl: string | null;
    shown: boolean;
  }>;
  errorBoxes: Array<{ title: string; content: string }>;
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  openedExternally: string[];
  permissionHandlers: string[];
  scenario: Record<string, unknown>;
  willQuitPrevented: boolean[];
  clipboardWrites: Array<Array<{ types: string[] }>>;
  clipboardClears: number;
  clipboardAtExit: 'empty' | 'not empty' | null;
  exitCode: number | null;
  failure?: string;
}

describe('the built main bundle boots', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let report: BootReport;
  let stderr: string;

  beforeAll(async () => {
    requireBuilt(MAIN);
    dataDir = await makeTempDir('keyhaven-boot');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    delete env.KEYHAVEN_DATA_DIR;
    delete env.ELECTRON_RENDERER_URL;
    const run = await promisify(execFile)(
      process.execPath,
      ['--import', REGISTER, MAIN, `--data-dir=${dataDir.path}`],
      {
        cwd: ROOT,
        env,
        timeout: 30_000,
      },
    );
    stderr = run.stderr;
    const line = run.stdout.split('\n').find((text) => text.startsWith(REPORT_PREFIX));
    if (!line) throw new Error(`the child printed no report.\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    report = JSON.parse(line.slice(REPORT_PREFIX.length)) as BootReport;
  }, 40_000);
  afterAll(async () => {
    // The bundle uses the real keychain (the disposable one of test/with-keyring.mjs under npm test):
    // remove the default vault's data key it created, so no run leaves an item in a real keychain.
    const vaults = (report?.scenario.vaults as { value?: Array<{ id: string }> } | undefined)?.value ?? [];
    for (const vault of vaults) await new KeytarKeychain().delete(vaultAccount(vault.id)).catch(() => false);
    await dataDir?.remove();
  });

  it('ran to a clean exit', () => {
    expect(report.failure).toBeUndefined();
    expect(report.errorBoxes).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('sandboxed the app and took the single-instance lock for its data folder before ready', () => {
    const at = (call: string) => report.calls.indexOf(call);
    expect(at('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(at(`app.setPath userData ${dataDir.path}`)).toBeGreaterThanOrEqual(0);
    expect(at('app.requestSingleInstanceLock')).toBeGreaterThan(at(`app.setPath userData ${dataDir.path}`));
    expect(at('app.requestSingleInstanceLock')).toBeLessThan(at('ready'));
  });

  it('registered exactly the contract channels with ipcMain.handle', () => {
    expect([...report.ipcChannels].sort()).toEqual([...CHANNELS].sort());
    expect(report.ipcChannels).toHaveLength(CHANNELS.length);
  });

  it('created one hardened window whose preload exists, and loaded the built page', () => {
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window?.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: PRELOAD,
    });
    expect(existsSync(PRELOAD)).toBe(true);
    expect(window?.options.show).toBe(false);
    expect(window?.shown).toBe(true);
    expect(window?.loadedUrl).toBe('app://keyhaven/index.html');
  });

  it('served the built page through app:// with the CSP as a response header', () => {
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    const at = (call: string) => report.calls.indexOf(call);
    expect(at('protocol.registerSchemesAsPrivileged app')).toBeLessThan(at('ready'));
    expect(at('protocol.handle app')).toBeGreaterThan(at('ready'));
    expect(at('protocol.handle app')).toBeLessThan(at('loadURL'));
    expect(report.scenario.page).toEqual({
      status: 200,
      csp: cspHeader(APP_CSP),
      hasRoot: true,
      scriptType: 'text/javascript; charset=utf-8',
      escapeStatus: 404,
    });
  });

  it('served the page through the real core in the --data-dir, and refused a foreign sender', async () => {
    expect(report.scenario.create).toMatchObject({ ok: true, value: { name: 'Boot smoke' } });
    expect(report.scenario.list).toMatchObject({ ok: true, value: [{ name: 'Boot smoke' }] });
    expect(report.scenario.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(stderr).toMatch(/refused apps:list/);
    expect(await readFile(join(dataDir.path, 'keyhaven.json'), 'utf8')).toContain('Boot smoke');
  });

  it('guarded navigation, window.open and permissions', () => {
    expect(report.scenario.navigationPrevented).toBe(true);
    expect(report.scenario.openFile).toEqual({ action: 'deny' });
    expect(report.scenario.openHttps).toEqual({ action: 'deny' });
    expect(report.openedExternally).toEqual(['https://example.com/docs']);
    expect(report.permissionHandlers.sort()).toEqual(['check', 'request']);
    expect(report.scenario.mediaGranted).toBe(false);
  });

  it('created the default vault, copied in main with the concealed marker in the same write, locked on screen lock', () => {
    expect(report.scenario.vaults).toMatchObject({ ok: true, value: [{ name: 'Personal', entryCount: 0 }] });
    expect(report.scenario.added).toEqual({ ok: true, scheme: { kind: 'x-api-key' } });
    expect(report.scenario.copy).toEqual({ ok: true, value: { copyId: expect.any(String), clearsAfterSeconds: 30 } });
    expect(report.scenario.copiedText).toBe('x-api-key header');
    const concealed = {
      darwin: 'org.nspasteboard.ConcealedType',
      win32: 'ExcludeClipboardContentFromMonitorProcessing',
      linux: 'x-kde-passwordManagerHint',
    }[process.platform as string];
    const types = concealed ? ['text/plain', `electron application/osclipboard;format="${concealed}"`] : ['text/plain'];
    expect(report.clipboardWrites).toEqual([[{ types }]]);
    expect(report.scenario.afterScreenLock).toMatchObject({ ok: true, value: [{ name: 'Personal', locked: true }] });
    expect(report.scenario.revealAfterLock).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('took its copy off the clipboard on quit', () => {
    expect(report.clipboardClears).toBe(1);
    expect(report.clipboardAtExit).toBe('empty');
  });

  it('held the quit until the core had closed, then quit', () => {
    expect(report.willQuitPrevented).toEqual([true, false]);
    expect(report.calls.filter((call) => call === 'app.quit')).toHaveLength(2);
  });
});

describe('the built preload bundle', () => {
  it('is CommonJS that requires only electron and exposes the whole API', async () => {
    requireBuilt(PRELOAD);
    const code = await readFile(PRELOAD, 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const invokes: Array<[string, unknown]> = [];
    const electronStub = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invokes.push([channel, input]);
          return { ok: true, value: channel };
        },
      },
    };
    const requireStub = (id: string): unknown => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require '${id}'`);
      return electronStub;
    };
    // A fresh context without Node's globals, and the CommonJS wrapper: ESM syntax would not compile.
    const wrapper = vm.runInNewContext(
      `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
      {},
      {
        filename: PRELOAD,
      },
    ) as (...args: unknown[]) => void;
    const module = { exports: {} };
    wrapper(module.exports, requireStub, module, PRELOAD, dirname(PRELOAD));

    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['keyhaven']);
    const api = exposed.get('keyhaven') as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const shape = (entries: Array<[string, string]>) => entries.map(([domain, method]) => `${domain}.${method}`).sort();
    const exposedMethods = Object.entries(api).flatMap(([domain, methods]) =>
      Object.keys(methods).map((method): [string, string] => [domain, method]),
    );
    const subscriptions = EVENTS.map((event): [string, string] => ['events', subscriptionName(event)]);
    expect(shape(exposedMethods)).toEqual(shape([...CHANNELS.map(splitChannel), ...subscriptions]));
    for (const channel of CHANNELS) {
      const [domain, method] = splitChannel(channel);
      await expect(api[domain]?.[method]?.({ probe: 1 })).resolves.toEqual({ ok: true, value: channel });
    }
    expect(invokes.map(([channel]) => channel)).toEqual([...CHANNELS]);
  });
});

describe('the built renderer page', () => {
  it('starts its <head> with the strict Content-Security-Policy and has no inline script', async () => {
    requireBuilt(RENDERER);
    const html = await readFile(RENDERER, 'utf8');
    const head = /<head>\s*(<meta[^>]*>)/i.exec(html)?.[1] ?? '';
    expect(head).toMatch(/http-equiv="Content-Security-Policy"/);
    const content = /content="([^"]*)"/.exec(head)?.[1]?.replaceAll('&#39;', "'");
    expect(content).toBe(cspMetaContent(APP_CSP));
    expect(content).not.toMatch(/unsafe-(inline|eval)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });
});
