// The canary tests' search for secrets (needles in every encoding) and the core they open and record.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, vi } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import { openCore, type Core } from '../../../electron/core/core';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import { buildApi } from '../../../shared/ipc/build-api';
import { splitChannel, type Channel } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/errors';
import { createInProcessApi } from '../../support/in-process-api';
import type { MemoryKeychain } from '../../support/memory-keychain';
import type { MemoryPlatform } from '../../support/memory-platform';

/** The forms a secret could take in a file or a log: clear, base64 at each alignment, base64url, hex. */
function needlesFor(secret: string): Buffer[] {
  const bytes = Buffer.from(secret, 'utf8');
  const needles = [bytes, Buffer.from(bytes.toString('hex'))];
  for (const encoding of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift++) {
      // Encoded after `shift` other bytes, the secret's own characters start at the next 4-char group
      // and the last group may mix in whatever follows: keep only the part fixed by the secret alone.
      const encoded = Buffer.concat([Buffer.alloc(shift, 0x41), bytes])
        .toString(encoding)
        .replace(/=+$/, '');
      needles.push(Buffer.from(encoded.slice(shift === 0 ? 0 : 4, -4)));
    }
  }
  return needles;
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** `where` → the secrets (by label) found there. */
export async function search(
  secrets: Record<string, string>,
  places: { dirs: string[]; texts: Record<string, string[]>; blobs: Record<string, Buffer[]> },
): Promise<string[]> {
  const hits: string[] = [];
  const look = (where: string, bytes: Buffer) => {
    for (const [label, secret] of Object.entries(secrets)) {
      if (needlesFor(secret).some((needle) => bytes.includes(needle))) hits.push(`${label} in ${where}`);
    }
  };
  // A lock or temp file can vanish between the listing and the read (a store's catch-up): skipped.
  for (const dir of places.dirs) {
    for (const file of await filesUnder(dir)) {
      const bytes = await readFile(file).catch(() => null);
      if (bytes) look(file, bytes);
    }
  }
  for (const [where, lines] of Object.entries(places.texts)) look(where, Buffer.from(lines.join('\n')));
  for (const [where, chunks] of Object.entries(places.blobs))
    chunks.forEach((chunk, i) => look(`${where}[${i}]`, chunk));
  return hits;
}

/** Every channel a recording API was called on. */
export const called = new Set<Channel>();

/** window.keyhaven over the real core, keeping every error message it answered. */
export function recordingApi(core: Core, errors: string[], logged: string[]): KeyhavenApi {
  const api = createInProcessApi(createHandlers(hostOf(core)), (line) => logged.push(line));
  return buildApi(
    async (channel: Channel, input) => {
      called.add(channel);
      const [domain, method] = splitChannel(channel);
      const call = (api as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<unknown>>>>)[
        domain
      ]![method]!;
      const result = await call(input);
      if (!result.ok) errors.push(`${channel}: ${result.error.code} ${result.error.message}`);
      return result;
    },
    () => () => undefined,
  );
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const cleanups: Array<() => Promise<void>> = [];
/** Call at the top of a test file: restores spies, then runs the cleanups its tests pushed, last first. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
}

export async function openTracked(
  dataDir: string,
  keychain: MemoryKeychain,
  platform: MemoryPlatform,
  logged: string[],
) {
  const core = await openCore({
    dataDir,
    keychain,
    platform,
    version: '0.0.0-canary',
    logError: (line) => logged.push(line),
  });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await core.close();
  });
  return {
    core,
    close: async () => {
      closed = true;
      await core.close();
    },
  };
}
