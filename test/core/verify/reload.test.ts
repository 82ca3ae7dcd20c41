import type { FSWatcher } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysetSource } from '../../../shared/verify/keyset-source';
import { createVerifier, type Verifier, type VerifierOptions } from '../../../shared/verify/verifier';
import { deferred, eventQueue, publishAtomically } from './keyset-events';
import { NOW, plannedKey, resign, signedKeyset, signingApp } from './keyset-fixture';
import { makeTempDir } from '../../support/temp-dir';

const app = signingApp();
const live = plannedKey('Live0001');
const other = plannedKey('Othr0001');
const first = signedKeyset(app, [live, other]);
const liveRevoked = signedKeyset(app, [other], {
  sequence: 2,
  revoked: [{ keyId: 'Live0001', revokedAt: '2026-12-05T11:00:00.000Z' }],
});
const keys = { publicKey: app.publicKey, secret: app.secret, now: () => NOW };

let dir: { path: string; remove: () => Promise<void> };
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await makeTempDir('keyhaven-reload');
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(closers.splice(0).map((close) => close()));
  await dir.remove();
});

async function started(options: VerifierOptions): Promise<Verifier> {
  const verifier = await createVerifier(options);
  closers.push(() => verifier.close());
  return verifier;
}

/** A keyset function source that counts its reads and lets a test await the n-th. */
function scriptedSource(initial: string) {
  let text: string | Error = initial;
  let reads = 0;
  const waiters: { at: number; resolve: () => void }[] = [];
  return {
    set: (next: string | Error) => {
      text = next;
    },
    reads: () => reads,
    /** Resolves at the `count`-th read from now: reloads never overlap, so every earlier one has finished. */
    readsFromNow: (count: number) => {
      const { promise, resolve } = deferred();
      waiters.push({ at: reads + count, resolve });
      return promise;
    },
    load: async (): Promise<string> => {
      reads += 1;
      for (const waiter of waiters.filter((w) => w.at === reads)) waiter.resolve();
      if (text instanceof Error) throw text;
      return text;
    },
  };
}

describe('reloading a keyset file', () => {
  it('sees a file republished by rename (the folder is watched) and answers REVOKED for a key revoked since', async () => {
    const file = join(dir.path, 'pyas.keyset.json');
    await publishAtomically(file, first);
    const events = eventQueue();
    // An hour between polls: within the test only the watch can bring the new keyset.
    const v = await started({ ...keys, loadKeyset: file, reloadSeconds: 3600, onKeysetEvent: events.push });
    expect((await v.verify(live.key)).code).toBe('VALID');

    await publishAtomically(file, liveRevoked);
    expect(await events.next()).toEqual({ accepted: true, sequence: 2 });
    expect((await v.verify(live.key)).code).toBe('REVOKED');
    expect((await v.verify(other.key)).code).toBe('VALID');
    expect(v.status()).toEqual({
      sequence: 2,
      validUntil: first.validUntil,
      loadedAt: new Date(NOW).toISOString(),
      lastError: null,
      lastUsageError: null,
    });
  });

  it('refuses a tampered, foreign, expired, replayed or unreadable file, keeps the keyset held and says why', async () => {
    const file = join(dir.path, 'pyas.keyset.json');
    await publishAtomically(file, first);
    const events = eventQueue();
    const v = await started({ ...keys, loadKeyset: file, reloadSeconds: 3600, onKeysetEvent: events.push });
    const refusedWith = async (content: unknown, reason: RegExp, sequence?: number) => {
      await publishAtomically(file, content);
      const event = await events.next();
      expect(event).toEqual({
        accepted: false,
        reason: expect.stringMatching(reason),
        ...(sequence ? { sequence } : {}),
      });
      expect(v.status().lastError).toBe(event.reason);
    };

    await refusedWith({ ...liveRevoked, sequence: 3 }, /signature does not verify/, 3);
    await refusedWith(signedKeyset(signingApp(), [live], { sequence: 3 }), /signature does not verify/, 3);
    await refusedWith('{"format": "keyhaven-keyset", ', /not valid JSON/);
    await refusedWith(resign(app, { ...liveRevoked, validUntil: '2026-12-05T00:00:00.000Z' }), /expired/, 2);
    await refusedWith(signedKeyset(app, [live]), /sequence of the one held \(1\) but other content/, 1);
    expect(v.status()).toMatchObject({ sequence: 1 });
    expect((await v.verify(live.key)).code).toBe('VALID');

    await publishAtomically(file, liveRevoked);
    expect(await events.next()).toEqual({ accepted: true, sequence: 2 });
    expect(v.status().lastError).toBeNull();
    await refusedWith(first, /older \(sequence 1\) than the one held \(2\)/, 1);

    await rm(file);
    const gone = await events.next();
    expect(gone).toEqual({
      accepted: false,
      reason: expect.stringMatching(/^Could not read or check .*pyas\.keyset\.json: .*ENOENT/),
    });
    expect((await v.verify(live.key)).code).toBe('REVOKED');
    expect(v.status()).toMatchObject({ sequence: 2, lastError: gone.reason });
  });

  it('fails to start, saying why, when the first load fails', async () => {
    const file = join(dir.path, 'missing.json');
    await expect(createVerifier({ ...keys, loadKeyset: file })).rejects.toThrow(
      /^Could not load the keyset from .*missing\.json: .*ENOENT/,
    );
    await publishAtomically(file, signedKeyset(signingApp(), [live]));
    await expect(createVerifier({ ...keys, loadKeyset: file })).rejects.toThrow(
      /^The keyset from .*missing\.json was refused: The keyset signature does not verify/,
    );
    await expect(createVerifier({ ...keys, loadKeyset: () => Promise.reject(new Error('boom')) })).rejects.toThrow(
      'Could not load the keyset from loadKeyset(): boom',
    );
    const both = { ...keys, keyset: first, loadKeyset: file } as unknown as VerifierOptions;
    await expect(createVerifier(both)).rejects.toThrow(/either keyset or loadKeyset/);
    await expect(createVerifier({ ...keys, loadKeyset: file, reloadSeconds: 0 })).rejects.toThrow(/reloadSeconds/);
  });
});

describe('reloading from a function', () => {
  it('takes the same keyset again as a no-op, and refuses its sequence with other content', async () => {
    const source = scriptedSource(JSON.stringify(first));
    const events = eventQueue();
    const v = await started({ ...keys, loadKeyset: source.load, reloadSeconds: 0.01, onKeysetEvent: events.push });

    // The same keyset, formatted otherwise: read and found unchanged, no event, no error.
    source.set(JSON.stringify(first, null, 2));
    await source.readsFromNow(2);
    expect(events.pending()).toEqual([]);
    expect(v.status()).toMatchObject({ sequence: 1, lastError: null });

    source.set(JSON.stringify(signedKeyset(app, [live])));
    expect(await events.next()).toEqual({
      accepted: false,
      sequence: 1,
      reason: expect.stringMatching(/sequence of the one held \(1\) but other content/),
    });

    source.set(new Error('boom'));
    expect(await events.next()).toEqual({ accepted: false, reason: 'Could not read or check loadKeyset(): boom' });

    // Back to the keyset held: the error clears without an event, as nothing changed.
    source.set(JSON.stringify(first));
    await source.readsFromNow(2);
    expect(events.pending()).toEqual([]);
    expect(v.status().lastError).toBeNull();
  });
});

describe('reloading from a URL', () => {
  it('polls with If-None-Match, keeps the keyset on a 304, takes a new one and reports a failing server', async () => {
    let served = { body: JSON.stringify(first), etag: '"k1"', status: 200 };
    const requests: (string | undefined)[] = [];
    let onRequest = (_request: IncomingMessage) => {};
    const server = createServer((request, response) => {
      requests.push(request.headers['if-none-match']);
      onRequest(request);
      if (served.status !== 200) response.writeHead(served.status).end('down');
      else if (request.headers['if-none-match'] === served.etag) response.writeHead(304, { etag: served.etag }).end();
      else response.writeHead(200, { 'content-type': 'application/json', etag: served.etag }).end(served.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pyas.keyset.json?token=s3cret`;
    const nthRequest = (n: number) => {
      const { promise, resolve } = deferred();
      let seen = 0;
      onRequest = () => {
        seen += 1;
        if (seen === n) resolve();
      };
      return promise;
    };

    const events = eventQueue();
    const v = await started({ ...keys, loadKeyset: url, reloadSeconds: 0.02, onKeysetEvent: events.push });
    // Two more polls: the first was answered 304, and was handled before the second began.
    await nthRequest(2);
    expect(requests.slice(0, 3)).toEqual([undefined, '"k1"', '"k1"']);
    expect(events.pending()).toEqual([]);
    expect(v.status()).toMatchObject({ sequence: 1, lastError: null });

    served = { body: JSON.stringify(liveRevoked), etag: '"k2"', status: 200 };
    expect(await events.next()).toEqual({ accepted: true, sequence: 2 });
    expect((await v.verify(live.key)).code).toBe('REVOKED');
    await nthRequest(1);
    expect(requests.at(-1)).toBe('"k2"');

    served = { ...served, status: 500 };
    const failed = await events.next();
    expect(failed.reason).toMatch(/^Could not read or check http:\/\/127\.0\.0\.1:\d+\/pyas\.keyset\.json: .*HTTP 500/);
    expect(failed.reason).not.toContain('s3cret');
    expect(v.status()).toMatchObject({ sequence: 2, lastError: failed.reason });
  });
});

describe('an HTTP keyset source', () => {
  it('gives up on a server that never answers, so a hung server cannot stop reloading', async () => {
    const answered = deferred();
    const server = createServer(() => answered.resolve()); // Takes the request and never answers.
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const source = keysetSource(`http://127.0.0.1:${(server.address() as AddressInfo).port}/k.json`, 0.2);
    const read = source.read();
    await answered.promise;
    await expect(read).rejects.toThrow(/timeout/i);
  });
});

describe('close()', () => {
  it('stops the reload timer: no read after it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const source = scriptedSource(JSON.stringify(first));
    const v = await started({ ...keys, loadKeyset: source.load, reloadSeconds: 30 });
    expect(source.reads()).toBe(1);
    vi.advanceTimersByTime(30_000);
    expect(source.reads()).toBe(2);
    await v.close();
    vi.advanceTimersByTime(300_000);
    expect(source.reads()).toBe(2);
  });

  it('closes the watch on the keyset folder', async () => {
    const fs = process.getBuiltinModule('node:fs');
    const watch = vi.spyOn(fs, 'watch');
    const file = join(dir.path, 'pyas.keyset.json');
    await publishAtomically(file, first);
    const v = await started({ ...keys, loadKeyset: file });
    expect(watch).toHaveBeenCalledWith(dir.path, expect.any(Function));
    const watcher = watch.mock.results[0]?.value as FSWatcher;
    const closeWatch = vi.spyOn(watcher, 'close');
    await v.close();
    expect(closeWatch).toHaveBeenCalled();
  });
});
