import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

// Every byte written through node:fs/promises by anything in a canary test file's module graph (the
// core's storage and activity code): file handles' writes, and whole-file writes. Files that are renamed
// or deleted afterwards (temp files, rotated backups) and journal lines later truncated are all in here.
export const written = { chunks: [] as Buffer[] };

/**
 * node:fs/promises with every write recorded in `written`. A canary test file mocks the module with it:
 *
 *   vi.mock('node:fs/promises', async (importOriginal) =>
 *     (await import('./canary-write-capture')).capturingWrites(await importOriginal()),
 *   );
 */
export function capturingWrites(actual: typeof FsPromises) {
  const record = (data: unknown) => {
    if (typeof data === 'string') written.chunks.push(Buffer.from(data));
    else if (ArrayBuffer.isView(data)) written.chunks.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  };
  const watch = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'write' || property === 'writeFile' || property === 'appendFile') record(args[0]);
          if (property === 'writev') for (const buffer of args[0] as unknown[]) record(buffer);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const open = (async (...args: Parameters<typeof actual.open>) =>
    watch(await actual.open(...args))) as typeof actual.open;
  const writeFile = (async (file: Parameters<typeof actual.writeFile>[0], data: unknown, ...rest: never[]) => {
    record(data);
    return actual.writeFile(file, data as string, ...rest);
  }) as typeof actual.writeFile;
  const appendFile = (async (file: Parameters<typeof actual.appendFile>[0], data: unknown, ...rest: never[]) => {
    record(data);
    return actual.appendFile(file, data as string, ...rest);
  }) as typeof actual.appendFile;
  const patched = { ...actual, open, writeFile, appendFile };
  return { ...patched, default: patched };
}
