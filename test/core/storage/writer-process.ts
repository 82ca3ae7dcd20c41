import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const running = new Set<ChildProcessWithoutNullStreams>();

// Registered once for every test file that imports this module: no writer outlives its test.
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (e: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // awaited only by some tests
  return { promise, resolve, reject };
}

/**
 * One writer process running a fixture under tsx (see fixtures/start-on-go.ts for its side): it prints
 * `ready`, waits for `go`, then prints `ack <n>` after each durable write. Acks are collected until its
 * stdout closes; an `opened <n>` line (journaled writer) resolves `opened`.
 */
export class WriterProcess {
  readonly acks: number[] = [];
  readonly ready = deferred<void>();
  readonly opened = deferred<number>();
  readonly firstAck = deferred<void>();
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(fixture: string, args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { cwd: ROOT });
    running.add(this.child);
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (line === 'ready') this.ready.resolve();
      const opened = /^opened (-?\d+)$/.exec(line);
      if (opened) this.opened.resolve(Number(opened[1]));
      const ack = /^ack (\d+)$/.exec(line);
      if (ack) {
        this.acks.push(Number(ack[1]));
        this.firstAck.resolve();
      }
    });
    this.closed = once(this.child, 'close').then(([code, signal]) => {
      running.delete(this.child);
      const early = new Error(`writer ended (${code ?? signal}) before that: ${this.stderr}`);
      for (const waiting of [this.ready, this.opened, this.firstAck]) waiting.reject(early);
      return { code: code as number | null, signal: signal as NodeJS.Signals | null };
    });
  }

  go(): void {
    this.child.stdin.write('go\n');
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
