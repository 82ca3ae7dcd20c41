import { backgroundInterval, nodeFiles, type NodeWatcher } from './runtime.js';

/**
 * Where a verifier reloads its keyset from (the `loadKeyset` option), and the reloading itself. A file
 * is watched through its folder, because Keyhaven publishes by writing a temporary file and renaming it
 * over the old one (a watch on the file itself would follow the old, unlinked inode); it is also read
 * every interval, as watching is not available everywhere (network drives, exhausted inotify watches).
 * A URL is polled with `If-None-Match`, so an unchanged keyset costs a 304. A function is called every
 * interval. Reloads never overlap: a change seen during one triggers one more after it.
 */
export type KeysetLoader = string | (() => Promise<string>);

export interface KeysetSource {
  /** Names the source in messages: the path, the URL without its query, or "loadKeyset()". */
  readonly name: string;
  /** The keyset text, or null when the source answers it has not changed since the last read (HTTP 304). */
  read(): Promise<string | null>;
  /** Calls `changed` when the source may have changed; returns what stops watching. */
  watch?(changed: () => void): () => void;
  /** Abandons a read in flight (at close). */
  cancel?(): void;
}

/** `timeoutSeconds`: how long an HTTP read may take before it fails (a hung server must not stop reloading). */
export function keysetSource(loader: KeysetLoader, timeoutSeconds: number): KeysetSource {
  if (typeof loader === 'function') return { name: 'loadKeyset()', read: loader };
  if (/^https?:\/\//i.test(loader)) return urlSource(loader, timeoutSeconds);
  return fileSource(loader);
}

function urlSource(url: string, timeoutSeconds: number): KeysetSource {
  const parsed = new URL(url);
  // A signed or tokenised URL must not end up in logs through status() or an event.
  const name = `${parsed.origin}${parsed.pathname}`;
  const aborts = new AbortController();
  let etag: string | null = null;
  return {
    name,
    cancel: () => aborts.abort(),
    async read() {
      const headers: Record<string, string> = etag === null ? {} : { 'if-none-match': etag };
      const signal = AbortSignal.any([aborts.signal, AbortSignal.timeout(timeoutSeconds * 1000)]);
      const response = await fetch(url, { headers, signal });
      if (response.status === 304) return null;
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`the server answered HTTP ${response.status}`);
      }
      const text = await response.text();
      etag = response.headers.get('etag');
      return text;
    },
  };
}

function fileSource(file: string): KeysetSource {
  const { fs, path } = nodeFiles(`Loading the keyset from the file ${file}`);
  return {
    name: file,
    read: () => fs.promises.readFile(file, 'utf8'),
    watch(changed) {
      const name = path.basename(file);
      let watcher: NodeWatcher;
      try {
        watcher = fs.watch(path.dirname(file), (_event, filename) => {
          // Some platforms do not say which file changed: then it may have been this one.
          if (filename === null || filename === name) changed();
        });
      } catch {
        return () => undefined; // No watch here (see above): the interval still reloads.
      }
      watcher.on('error', () => watcher.close());
      watcher.unref?.();
      return () => watcher.close();
    },
  };
}

/** The first read, at start: its failure fails createVerifier with the source named. */
export async function readFirst(source: KeysetSource): Promise<string> {
  try {
    const text = await source.read();
    if (text !== null) return text;
    throw new Error('nothing was read');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load the keyset from ${source.name}: ${message}`, { cause: error });
  }
}

export interface Reloading {
  /** Stops the timer and the watch, abandons a read in flight and waits for a reload under way. */
  stop(): Promise<void>;
}

/**
 * Reads `source` every `seconds` and on every change it reports; hands each text read to `load`, and
 * each failure to read to `failed` (a refused keyset is `load`'s to report).
 */
export function startReloading(
  source: KeysetSource,
  seconds: number,
  load: (text: string) => Promise<void>,
  failed: (error: unknown) => void,
): Reloading {
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  const once = async (): Promise<void> => {
    let text: string | null;
    try {
      text = await source.read();
    } catch (error) {
      if (!stopped) failed(error);
      return;
    }
    if (text === null || stopped) return;
    try {
      await load(text);
    } catch (error) {
      // Whatever the text or a callback did, the loop goes on and the keyset held stays: a background
      // reload must never take the service down (an unhandled rejection ends a Node process).
      if (!stopped) failed(error);
    }
  };
  const trigger = (): void => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await once();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
  };
  const timer = backgroundInterval(trigger, seconds);
  const unwatch = source.watch?.(trigger);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unwatch?.();
      source.cancel?.();
      await running;
    },
  };
}
