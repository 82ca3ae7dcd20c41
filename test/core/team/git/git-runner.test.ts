import { existsSync } from 'node:fs';
import { chmod, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { type Socket, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitError, redact } from '../../../../electron/core/team/git/git-errors';
import { runGit } from '../../../../electron/core/team/git/git-runner';
import { TeamRepo } from '../../../../electron/core/team/git/team-repo';

let dir: string;
const savedEnv = { ...process.env };

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'keyhaven-git-runner-')));
});
afterEach(async () => {
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  await rm(dir, { recursive: true, force: true });
});

/** A script that leaves a file behind when run: proof that git (or ssh) called it. */
async function markerScript(name: string): Promise<{ script: string; ran: () => boolean }> {
  const script = join(dir, `${name}.sh`);
  const marker = join(dir, `${name}.ran`);
  await writeFile(script, `#!/bin/sh\ntouch '${marker}'\necho guessed\n`);
  await chmod(script, 0o755);
  return { script, ran: () => existsSync(marker) };
}

/** An HTTP server that answers every request with 401 and a Basic challenge, as a private repo does. */
async function challengingServer(): Promise<{ port: number; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('runGit', () => {
  it('runs git without askpass programs, terminal prompts, a translated locale or an inherited repository', async () => {
    await runGit(['init', '-q', 'mine'], { cwd: dir });
    await runGit(['init', '-q', 'elsewhere'], { cwd: dir });
    process.env.GIT_DIR = join(dir, 'elsewhere', '.git');
    process.env.GIT_ASKPASS = '/usr/bin/some-askpass';
    process.env.SSH_ASKPASS = '/usr/bin/ssh-askpass';
    process.env.LC_ALL = 'de_DE.UTF-8';
    process.env.GIT_TERMINAL_PROMPT = '1';

    const where = await runGit(['rev-parse', '--absolute-git-dir'], { cwd: join(dir, 'mine') });
    expect(where.stdout.toString('utf8').trim()).toBe(join(dir, 'mine', '.git'));
    const seen = await runGit(['-c', 'alias.showenv=!env', 'showenv'], { cwd: join(dir, 'mine') });
    const env = new Map(
      seen.stdout
        .toString('utf8')
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
    );
    expect(env.get('GIT_TERMINAL_PROMPT')).toBe('0');
    expect(env.get('GIT_ASKPASS')).toBe('');
    expect(env.has('SSH_ASKPASS')).toBe(false);
    expect(env.get('LC_ALL')).toBe('C');
  });

  it('fails at once with AUTH where git would ask for a password, running no prompt program', async () => {
    const { port, server } = await challengingServer();
    try {
      const askpass = await markerScript('askpass');
      const configured = await markerScript('core-askpass');
      const globalConfig = join(dir, 'gitconfig');
      await writeFile(globalConfig, `[core]\n\taskPass = ${configured.script}\n[credential]\n\thelper =\n`);
      process.env.GIT_CONFIG_GLOBAL = globalConfig;
      process.env.GIT_ASKPASS = askpass.script;
      process.env.SSH_ASKPASS = askpass.script;

      const started = performance.now();
      const error = await TeamRepo.clone(`http://127.0.0.1:${port}/team.git`, join(dir, 'clone'), {
        identity: { name: 'a', email: 'a@team.test' },
      }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).code).toBe('AUTH');
      expect((error as GitError).message).toContain('never asks for a password');
      expect(askpass.ran()).toBe(false);
      expect(configured.ran()).toBe(false); // an unset GIT_ASKPASS would have let core.askPass run
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(existsSync(join(dir, 'clone'))).toBe(false); // a failed clone leaves no folder behind
    } finally {
      server.close();
    }
  });

  it('stops git and its remote helper when the time limit passes', async () => {
    const sockets: Socket[] = [];
    let closed = 0;
    const server = createTcpServer((socket) => {
      sockets.push(socket);
      socket.resume(); // read, so that the peer's end of the connection is noticed
      socket.on('close', () => (closed += 1));
    }); // accepts, never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const started = performance.now();
      const error = await runGit(['ls-remote', `http://127.0.0.1:${port}/team.git`], {
        cwd: dir,
        timeoutMs: 500,
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'GitError', code: 'TIMEOUT' });
      expect(performance.now() - started).toBeLessThan(5_000);
      // git-remote-http holds the connection: it is gone only if the whole process group was stopped
      await expect.poll(() => sockets.length > 0 && closed === sockets.length, { timeout: 3_000 }).toBe(true);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    }
  });

  it('reports a missing git program as GIT_NOT_FOUND', async () => {
    const error = await runGit(['--version'], { cwd: dir, env: { PATH: join(dir, 'no-bin') } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'GitError', code: 'GIT_NOT_FOUND' });
  });
});

describe('redact', () => {
  it('removes credentials from URLs and known secrets, and keeps an ssh login name', () => {
    expect(redact("fatal: unable to access 'https://user:s3cr3t@host/x.git/'")).toBe(
      "fatal: unable to access 'https://***@host/x.git/'",
    );
    expect(redact('https://ghp_tokenvalue@github.com/o/r.git')).toBe('https://***@github.com/o/r.git');
    expect(redact('ssh://git@host/team.git')).toBe('ssh://git@host/team.git');
    expect(redact('ssh://git:pw@host/team.git')).toBe('ssh://***@host/team.git');
    expect(redact('remote said: token s3cr3t is wrong', ['s3cr3t'])).toBe('remote said: token *** is wrong');
  });
});
