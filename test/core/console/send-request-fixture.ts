import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, expect, vi } from 'vitest';
import { ConsoleError } from '../../../electron/core/console/console-error';
import type { SendOptions } from '../../../electron/core/console/send-request';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import { consoleRequestSchema, type ConsoleRequestInput } from '../../../shared/console/request';
import { startServer, type Certificate, type Handler, type TestServer } from './servers';

/** What the send-request tests share: the key, the servers they start, and how a request and a failure read. */

export const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
export const ENTRY_ID = randomUUID();

/** Every server a test started; closed after each test (and after the file, for any left over). */
export const servers: TestServer[] = [];
export async function server(handler?: Handler, tls?: Certificate): Promise<TestServer> {
  const started = await startServer(handler, tls);
  servers.push(started);
  return started;
}
/** Call at the top of a test file: closes the servers its tests started. */
export function closeServersAfterEach(): void {
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
}

export const request = (input: ConsoleRequestInput) => consoleRequestSchema.parse(input);
export const typed = (scheme: HeaderScheme) => ({ kind: 'typed' as const, key: KEY, scheme });

/** An entry whose secret is KEY, with the given allowed hosts; counts reveals. */
export function entry(allowedHosts: string[] = []): SendOptions & { reveals: () => number } {
  const reveal = vi.fn(() => KEY);
  return {
    revealSecret: reveal,
    allowedHostsOf: () => allowedHosts,
    reveals: () => reveal.mock.calls.length,
  };
}

/** Rejection of `promise` as a ConsoleError; also checks that its message never holds the key. */
export async function failure(promise: Promise<unknown>): Promise<ConsoleError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConsoleError);
  expect((error as ConsoleError).message).not.toContain(KEY);
  return error as ConsoleError;
}
