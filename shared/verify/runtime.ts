/**
 * What the verifier uses of its runtime beyond the Web platform, reached without any static import so
 * the built file stays one dependency-free module for Node, Deno, Bun and edge workers alike. Node
 * built-ins come from `process.getBuiltinModule` (Node ≥ 22.3, Bun, Deno 2), typed here by the few
 * members used, so this file needs neither Node's type library nor the DOM's.
 */
export interface NodeFileHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface NodeWatcher {
  close(): void;
  unref?(): void;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

export interface NodeFs {
  promises: {
    readFile(path: string, encoding: 'utf8'): Promise<string>;
    open(path: string, flags: 'wx'): Promise<NodeFileHandle>;
    rename(from: string, to: string): Promise<void>;
    rm(path: string, options: { force: true }): Promise<void>;
  };
  watch(directory: string, listener: (event: string, filename: string | null) => void): NodeWatcher;
}

export interface NodePath {
  dirname(path: string): string;
  basename(path: string): string;
  join(...parts: string[]): string;
}

interface Builtins {
  'node:fs': NodeFs;
  'node:path': NodePath;
}

/** A Node built-in module where the runtime offers one, else null. */
export function nodeBuiltin<Name extends keyof Builtins>(name: Name): Builtins[Name] | null {
  const host = globalThis as unknown as { process?: { getBuiltinModule?: (id: string) => unknown } };
  return (host.process?.getBuiltinModule?.(name) as Builtins[Name] | undefined) ?? null;
}

/** `node:fs` and `node:path`, or a clear error naming what needed them (`what`) and what to do instead. */
export function nodeFiles(what: string): { fs: NodeFs; path: NodePath } {
  const fs = nodeBuiltin('node:fs');
  const path = nodeBuiltin('node:path');
  if (fs === null || path === null)
    throw new Error(`${what} needs node:fs, which this runtime does not offer (Node ≥ 22.3, Bun and Deno 2 do).`);
  return { fs, path };
}

/** An interval option (`name`) checked, or `fallback` when not given. */
export function positiveSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value > 0 && Number.isFinite(value))) throw new Error(`${name} must be a positive number of seconds.`);
  return value;
}

export type Timer = ReturnType<typeof setInterval>;

/** A repeating timer that does not keep the process alive (Node and Bun: unref; Deno: unrefTimer). */
export function backgroundInterval(run: () => void, seconds: number): Timer {
  const timer = setInterval(run, seconds * 1000);
  const handle = timer as unknown as { unref?: () => void };
  if (typeof handle.unref === 'function') handle.unref();
  else (globalThis as unknown as { Deno?: { unrefTimer?: (id: unknown) => void } }).Deno?.unrefTimer?.(timer);
  return timer;
}
