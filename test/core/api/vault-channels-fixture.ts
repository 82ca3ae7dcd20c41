// What the vault channel tests share: window.keyhaven over a fresh real core per test, and answer checks.
// Every vault, entry and vault-related key channel is tested through it: the same validation and error
// mapping as IPC, values structured-cloned both ways.
import { afterEach, beforeEach, expect } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import type { Channel } from '../../../shared/ipc/channels';
import { contract, type ResponseOf } from '../../../shared/ipc/contract';
import type { ErrorCode, Result } from '../../../shared/ipc/errors';
import { createInProcessApi } from '../../support/in-process-api';
import { openTestCore, type TestCore } from '../../support/open-test-core';

export const SECRET = 'sk_live_Vq3ZpL9s3cr3tKH7f1eX0bq';
export const PASSPHRASE = 'Correct horse battery staple 42';

/** The test's core, its API and what the API logged: set anew before each test (live bindings). */
export let t: TestCore;
export let api: KeyhavenApi;
export let logged: string[];

/** Call at the top of a test file: opens a test core and its API before each test, disposes it after. */
export function openApiForEachTest(): void {
  beforeEach(async () => {
    t = await openTestCore();
    logged = [];
    api = createInProcessApi(createHandlers(hostOf(t.core)), (line) => logged.push(line));
  });
  afterEach(() => t.dispose());
}

/** The value of a successful answer, checked against the channel's response schema. */
export function ok<C extends Channel>(channel: C, result: Result<unknown>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return contract[channel].response.parse(result.value) as ResponseOf<C>;
}

/** The error of a failed answer; also checks it never carries the given secrets. */
export function fails(result: Result<unknown>, code: ErrorCode, ...secrets: string[]): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  for (const secret of secrets) expect(result.error.message).not.toContain(secret);
  return result.error.message;
}

export const personal = async () => ok('vaults:list', await api.vaults.list())[0]!;

export async function addEntry(vaultId: string, name: string, secret = SECRET, scheme?: HeaderScheme) {
  return ok('entries:add', await api.entries.add({ vaultId, name, secret, ...(scheme ? { scheme } : {}) }));
}
