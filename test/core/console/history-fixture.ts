// What the console history tests share: the keys, a search of a folder's files, and a console per test.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConsoleService, type ConsoleEntries } from '../../../electron/core/console/console-service';
import { SecretReferences } from '../../../electron/core/vaults/secret-references';
import type { Vaults } from '../../../electron/core/vaults/vaults';
import { formatKey } from '../../../electron/core/keys/key-format';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import { consoleRequestSchema, type ConsoleRequestInput } from '../../../shared/console/request';
import { ManualClock } from '../../support/manual-clock';
import { makeTempDir } from '../../support/temp-dir';
import { startServer, type TestServer } from './servers';

export const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
/** Not the auth key: a Keyhaven key pasted into a body, as for POST /v1/keys/verify. */
export const OTHER_KEY = formatKey('demo', 'AbCdEfGh');
/** An opaque external key, not Keyhaven-shaped. */
export const PLAIN_KEY = 'sk-live-0a1b2c3d4e5f-plain-typed-key';

/** Every file under dir whose bytes hold `text` in clear, percent-encoded, base64, base64url or hex. */
export async function filesContaining(dir: string, text: string): Promise<string[]> {
  const raw = Buffer.from(text);
  const needles = [
    raw,
    Buffer.from(encodeURIComponent(text)),
    Buffer.from(raw.toString('base64').slice(0, -2)),
    Buffer.from(raw.toString('base64url').slice(0, -2)),
    Buffer.from(raw.toString('hex')),
  ];
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch(() => null); // a lock file may vanish meanwhile
    if (!bytes) continue;
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}

export const clock = new ManualClock();
export const entryId = randomUUID();
export const entries: ConsoleEntries = {
  reveal: () => ({ secret: KEY }),
  get: () => ({ name: 'Pyas production', service: 'Pyas', allowedHosts: [], scheme: { kind: 'x-api-key' } }),
  find: () => {
    throw new Error('This fixture has no kh:// references.');
  },
  recordSent: () => Promise.resolve(),
  recordShown: () => Promise.resolve(),
};

/** The console's view of real vaults, as core.ts builds it. */
export function consoleEntriesOf(vaults: Vaults): ConsoleEntries {
  return {
    reveal: (id) => vaults.entries.reveal(id),
    get: (id) => vaults.entries.get(id),
    // open() records nothing (only read(), for the command line, does).
    find: (reference) => new SecretReferences(() => vaults, { record: () => Promise.resolve() }).open(reference),
    // The console's records of keys sent are tested with the whole core (test/core/activity/vault-activity.test.ts).
    recordSent: () => Promise.resolve(),
    recordShown: () => Promise.resolve(),
  };
}

/** A test's data folder, the local server it sends to, and the console service over the folder. */
export interface ConsoleFixture {
  dir: { path: string; remove: () => Promise<void> };
  api: TestServer;
  service: ConsoleService;
}

/** Before each test: a fresh folder, a server and a console service. */
export async function openConsole(): Promise<ConsoleFixture> {
  const dir = await makeTempDir('keyhaven-console');
  const api = await startServer();
  const service = await ConsoleService.open(dir.path, entries, { clock });
  return { dir, api, service };
}

/** After each test: closes the service as the test left it, the server, and removes the folder. */
export async function closeConsole({ dir, api, service }: ConsoleFixture): Promise<void> {
  await service.close().catch(() => undefined);
  await api.close();
  await dir.remove();
}

/** `request(input)` for a test file: a GET of /v1/whoami on the server `api()` unless `input` says otherwise. */
export const requestTo =
  (api: () => TestServer) =>
  (input: Partial<ConsoleRequestInput> = {}) =>
    consoleRequestSchema.parse({ method: 'GET', url: `${api().origin}/v1/whoami`, ...input });

export const typed = (key: string, scheme: HeaderScheme = { kind: 'x-api-key' }) => ({
  kind: 'typed' as const,
  key,
  scheme,
});
