import { request } from 'node:http';
import { startTestApi, type TestApi, type TestApiOptions } from '../../../electron/core/test-api/test-api-server';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';
import type { Core } from '../../../electron/core/core';
import type { GenerateKey } from '../../../electron/core/keys/key-service';
import { testApiKeysOf } from '../../../electron/core/keys/test-api-keys';
import type { TestApiKeys } from '../../../electron/core/test-api/test-api-keys';

/** A real core on a temp dir, an app "Pyas", and the local test API on a free port. */
export interface Fixture {
  t: TestCore;
  api: TestApi;
  clock: ManualClock;
  appId: string;
  logged: string[];
  /** A key of Pyas (default: one year, `read:items`), its plaintext and summary. */
  issue: (overrides?: Partial<GenerateKey>) => ReturnType<TestCore['core']['keys']['generate']>;
  /** fetch against the API, path relative to its base URL. */
  call: (path: string, init?: RequestInit) => Promise<Response>;
  dispose: () => Promise<void>;
}

/** The core's keys as the local test API sees them, as core.ts builds them. */
export const testApiKeys = (core: Core): TestApiKeys => testApiKeysOf(core.keys, core.keysets, core.db, core.clock);

export async function openFixture(options: Omit<TestApiOptions, 'keys'> = {}): Promise<Fixture> {
  const clock = new ManualClock('2026-11-23T10:15:00.000Z');
  const t = await openTestCore({ clock });
  const appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  const logged: string[] = [];
  const api = await startTestApi({
    keys: testApiKeys(t.core),
    port: 0,
    logError: (line) => logged.push(line),
    ...options,
  });
  return {
    t,
    api,
    clock,
    appId,
    logged,
    issue: (overrides = {}) => t.core.keys.generate(generateInput(appId, overrides)),
    call: (path, init) => fetch(`${api.baseUrl}${path}`, init),
    dispose: async () => {
      await api.close();
      await t.dispose();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

/**
 * A request through node:http, for what fetch will not send: a forged Host, repeated headers (given as
 * a flat [name, value, …] list), a body streamed in chunks. Chunks are written one by one; the request
 * is left open once the server has answered (an oversized body is answered before it ends).
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string> | string[]; chunks?: Buffer[] },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: options.method ?? 'GET',
      path: options.path,
      headers: options.headers ?? {},
      agent: false,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunks = options.chunks;
    if (!chunks) {
      req.end();
      return;
    }
    // Writes the next chunk once the previous one was handed to the socket, until the server answers.
    const writeFrom = (i: number): void => {
      if (answered) return;
      if (i === chunks.length) {
        req.end();
        return;
      }
      req.write(chunks[i], () => writeFrom(i + 1));
    };
    writeFrom(0);
  });
}
