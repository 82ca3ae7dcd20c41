import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONCEALED } from '../../../electron/cli/run/secret-masker';
import { runChild } from '../../../electron/cli/run/run-child';
import { makeTempDir } from '../../support/temp-dir';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => join(fixtures, name);
const SECRET = 'sk_live_9f8e7d6c5b4a';

/**
 * A stream with no file descriptor that keeps what is written to it, finishing each write a turn of
 * the event loop later, as a pipe under load does, so output still in flight would be missed.
 */
class Collector extends Writable {
  readonly #chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    setImmediate(() => {
      this.#chunks.push(chunk);
      callback();
    });
  }
  text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}

/** runChild in this process, on a node script, with output collected. */
async function runNode(script: string, masking = true): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await runChild({
    command: process.execPath,
    args: ['-e', script],
    env: process.env,
    secrets: [SECRET],
    masking,
    stdout,
    stderr,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The run-child fixture as a process of its own, on pipes or, with `inTerminal`, on a terminal. */
function startFixture(
  options: { command: string; args: string[]; secrets: string[]; masking: boolean },
  inTerminal = false,
) {
  const spawnOptions = {
    cwd: repositoryRoot,
    env: { ...process.env, KEYHAVEN_RUN_CHILD: JSON.stringify(options) },
  };
  const fixtureArgs = ['--import', 'tsx', fixture('run-child.ts')];
  // util-linux `script` gives the fixture a pseudo-terminal as stdin, stdout and stderr.
  const child = inTerminal
    ? spawn('script', ['-qec', [process.execPath, ...fixtureArgs].join(' '), '/dev/null'], spawnOptions)
    : spawn(process.execPath, fixtureArgs, spawnOptions);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': by then the pipes have delivered everything the process wrote.
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    stdout: () => stdout,
    /** Resolves once stdout contains `text`. */
    waitForStdout: (text: string) => waitFor(child, () => stdout.includes(text)),
    exited: async () => {
      const [code, signal] = await exited;
      return { code, signal, stdout, stderr };
    },
  };
}

function waitFor(child: ChildProcess, done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!done()) return;
      child.stdout?.off('data', check);
      child.off('close', fail);
      resolve();
    };
    const fail = (): void => reject(new Error('the process exited before the expected output'));
    child.stdout?.on('data', check);
    child.once('close', fail);
    check();
  });
}

describe('runChild', () => {
  it('resolves to the exit code of the child', async () => {
    expect((await runNode('process.exit(3)')).code).toBe(3);
    expect((await runNode('')).code).toBe(0);
  });

  it('resolves to 128 + the signal number when a signal killed the child', async () => {
    expect((await runNode("process.kill(process.pid, 'SIGKILL')")).code).toBe(128 + 9);
    expect((await runNode("process.kill(process.pid, 'SIGTERM')")).code).toBe(128 + 15);
  });

  it('masks secrets on stdout and stderr when they are not terminals', async () => {
    const printBoth = `console.log('out ${SECRET}'); console.error('err ${SECRET}')`;
    expect(await runNode(printBoth)).toEqual({ code: 0, stdout: `out ${CONCEALED}\n`, stderr: `err ${CONCEALED}\n` });
  });

  it('passes output through untouched when masking is off', async () => {
    const { stdout } = await runNode(`console.log('out ${SECRET}')`, false);
    expect(stdout).toBe(`out ${SECRET}\n`);
  });

  it('has all output written when it resolves, including what the masker held back until the end', async () => {
    const held = SECRET.slice(0, 5);
    const { stdout } = await runNode(`process.stdout.write('x'.repeat(1_000_000) + '${SECRET}${held}')`);
    expect(stdout).toBe('x'.repeat(1_000_000) + CONCEALED + held);
  });

  it('removes its signal handlers once the child has exited', async () => {
    const before = process.listenerCount('SIGTERM');
    await runNode('');
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('reports a command that does not exist as COMMAND_NOT_FOUND', async () => {
    const failure = runChild({
      command: 'keyhaven-no-such-command',
      args: [],
      env: process.env,
      secrets: [],
      masking: true,
    });
    await expect(failure).rejects.toMatchObject({
      kind: 'COMMAND_NOT_FOUND',
      exitCode: 127,
      message: 'command not found: keyhaven-no-such-command',
    });
  });

  it('reports a file that is not executable as CANNOT_EXECUTE', async () => {
    const dir = await makeTempDir('keyhaven-run');
    try {
      const script = join(dir.path, 'not-executable.sh');
      await writeFile(script, '#!/bin/sh\necho hi\n');
      await chmod(script, 0o644);
      const failure = runChild({ command: script, args: [], env: process.env, secrets: [], masking: true });
      await expect(failure).rejects.toMatchObject({
        kind: 'CANNOT_EXECUTE',
        exitCode: 126,
        message: `cannot execute ${script}: permission denied`,
      });
    } finally {
      await dir.remove();
    }
  });

  it('masks a secret written in two halves, showing the text before it at once', async () => {
    const run = startFixture({
      command: process.execPath,
      args: [fixture('split-secret.mjs'), SECRET],
      secrets: [SECRET],
      masking: true,
    });
    await run.waitForStdout('Enter: ');
    // The child now waits for a line: the first half it wrote is held back, the prompt is not.
    expect(run.stdout()).toBe('Enter: ');
    run.child.stdin.end('go\n');
    expect(await run.exited()).toEqual({
      code: 0,
      signal: null,
      stdout: `Enter: ${CONCEALED}\n`,
      stderr: `stderr has ${CONCEALED} too\n`,
    });
  });

  it('stops when its own output is closed, as in `keyhaven run … | head`, instead of hanging', async () => {
    const run = startFixture({ command: 'yes', args: [`y ${SECRET}`], secrets: [SECRET], masking: true });
    await run.waitForStdout(`y ${CONCEALED}\n`);
    run.child.stdout.destroy();
    // The child meets a closed pipe and fails; that failure, not a crash of ours, is the exit code.
    const { code, signal, stderr } = await run.exited();
    expect(signal).toBeNull();
    expect(code).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/Error|Unhandled/);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR2'] as const)(
    'forwards %s to the child and exits with its code',
    async (signal) => {
      const run = startFixture({
        command: process.execPath,
        args: [fixture('trap-signal.mjs'), signal],
        secrets: [],
        masking: true,
      });
      try {
        await run.waitForStdout('ready\n');
        run.child.kill(signal);
        expect(await run.exited()).toMatchObject({ code: 42, signal: null, stdout: `ready\ngot ${signal}\n` });
      } finally {
        run.child.stdin.end();
      }
    },
  );

  it('reports a missing command from its own process with exit code 127', async () => {
    const run = startFixture({ command: 'keyhaven-no-such-command', args: [], secrets: [], masking: true });
    expect(await run.exited()).toMatchObject({
      code: 127,
      stderr: 'COMMAND_NOT_FOUND: command not found: keyhaven-no-such-command\n',
    });
  });

  it.skipIf(process.platform !== 'linux')(
    'gives a terminal to the child unmasked, so it keeps its TTY, and masks the same output in a pipe',
    async () => {
      const options = {
        command: process.execPath,
        args: [fixture('report-tty.mjs'), SECRET],
        secrets: [SECRET],
        masking: true,
      };
      const inTerminal = await startFixture(options, true).exited();
      expect(inTerminal.stdout).toBe(`stdout is a TTY: true\r\nsecret: ${SECRET}\r\n`);
      const piped = await startFixture(options).exited();
      expect(piped.stdout).toBe(`stdout is a TTY: false\nsecret: ${CONCEALED}\n`);
    },
  );
});
