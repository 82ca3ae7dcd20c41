import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { CoreError } from '../../../../electron/core/errors';
import type {
  TransferAuth,
  TransferFolder,
  TransferRequest,
} from '../../../../electron/core/console/transfer/transfer-collection';

/** Shared by the transfer tests: fixture paths, compact builders for expected trees, error checks. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** An expected request: GET, no rows, no body, no auth unless given. */
export function req(partial: Partial<TransferRequest> & Pick<TransferRequest, 'name' | 'url'>): TransferRequest {
  return { method: 'GET', query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, ...partial };
}

export const on = (name: string, value: string) => ({ name, value, enabled: true });
export const off = (name: string, value: string) => ({ name, value, enabled: false });

export const bearer = (variable: string): TransferAuth => ({ kind: 'scheme', scheme: { kind: 'bearer' }, variable });
export const xApiKey = (variable: string): TransferAuth => ({
  kind: 'scheme',
  scheme: { kind: 'x-api-key' },
  variable,
});
export const headerKey = (name: string, variable: string): TransferAuth => ({
  kind: 'scheme',
  scheme: { kind: 'header', name },
  variable,
});
export const queryKey = (name: string, variable: string): TransferAuth => ({
  kind: 'scheme',
  scheme: { kind: 'query', name },
  variable,
});

export const folder = (name: string, folders: TransferFolder[], requests: TransferRequest[]): TransferFolder => ({
  name,
  folders,
  requests,
});

/** The CoreError `run` throws (sync or async), checked for code and message. */
export async function expectCoreError(run: () => unknown, code: string, message: string | RegExp): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CoreError);
  const error = caught as CoreError;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}
