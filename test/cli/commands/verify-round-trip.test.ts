import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk, useDataFolders } from '../support/keyhaven-cli';
import { createApp, issueKey, keyIdOf } from './cli-fixtures';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BUILT = join(REPO, 'out/verify/keyhaven-verify.mjs');
/** The README's Express example, byte for byte (test/tooling checks the README holds it). */
const SERVICE = join(REPO, 'test/cli/fixtures/express-service.mjs');

/** A service process: its stdout lines, and a way to wait for the next line that matches. */
interface Service {
  child: ChildProcessWithoutNullStreams;
  next(pattern: RegExp): Promise<string>;
}

function startService(dir: string, env: Record<string, string>): Service {
  const child = spawn(process.execPath, [join(dir, 'server.mjs')], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env },
  });
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const match = waiting.findIndex((w) => w.pattern.test(line));
      if (match === -1) lines.push(line);
      else waiting.splice(match, 1)[0]?.resolve(line);
    }
  });
  return {
    child,
    next: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.findIndex((line) => pattern.test(line));
        if (seen !== -1) return resolve(lines.splice(seen, 1)[0] as string);
        waiting.push({ pattern, resolve });
        child.once('exit', (code) => reject(new Error(`the service exited (${code}) before ${pattern}: ${stderr}`)));
      }),
  };
}

const services: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of services.splice(0)) child.kill('SIGKILL');
});

describe('a key issued by Keyhaven, verified by a separate Express service with only the built verifier', () => {
  const newDataDir = useDataFolders();

  it('is accepted there, refused once revoked and republished, never on a tampered keyset; its use comes back', async () => {
    const dataDir = newDataDir();
    const published = join(dataDir, 'published');
    const serviceDir = join(dataDir, 'service');
    mkdirSync(published);
    mkdirSync(serviceDir);
    await createApp(dataDir);
    await keyhavenOk(['keys', 'keyset', 'Pyas', '--publish-to', published], { dataDir });
    const reader = await issueKey(dataDir, 'Pyas', ['--name', 'Reader', '--scope', 'read:items']);
    const writer = await issueKey(dataDir, 'Pyas', ['--name', 'Writer', '--scope', 'read:users']);
    const envLines = (await keyhavenOk(['keys', 'keyset', 'Pyas', '--env'], { dataDir })).trimEnd().split('\n');
    const env = Object.fromEntries(
      envLines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );

    // What a user does: copy the built file beside their server; express comes from their node_modules.
    copyFileSync(BUILT, join(serviceDir, 'keyhaven-verify.mjs'));
    copyFileSync(SERVICE, join(serviceDir, 'server.mjs'));
    symlinkSync(join(REPO, 'node_modules'), join(serviceDir, 'node_modules'));
    const keysetFile = join(published, 'pyas.keyset.json');
    const usageFile = join(serviceDir, 'usage.json');
    const service = startService(serviceDir, {
      ...env,
      KEYHAVEN_KEYSET: keysetFile,
      KEYHAVEN_USAGE_FILE: usageFile,
    });
    services.push(service.child);
    const port = Number((await service.next(/^listening \d+$/)).split(' ')[1]);
    const get = async (authorization?: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/v1/items`, {
        headers: authorization ? { authorization } : {},
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    expect(await get(`Bearer ${reader}`)).toEqual({ status: 200, body: { items: [], keyId: keyIdOf(reader) } });
    expect(await get(`Api-Key ${writer}`)).toEqual({ status: 403, body: { error: 'INSUFFICIENT_SCOPE' } });
    expect(await get()).toEqual({ status: 401, body: { error: 'MISSING_KEY' } });
    // The last character changed (to one it is not: a key ending in "x" once made this the same key).
    const altered = `${reader.slice(0, -1)}${reader.endsWith('x') ? 'y' : 'x'}`;
    expect(await get(`Bearer ${altered}`)).toMatchObject({ status: 401 });

    // Revoked from the command line: the published file is rewritten, the running service reloads it.
    await keyhavenOk(['keys', 'revoke', 'Pyas', keyIdOf(reader)], { dataDir });
    const sequence = (JSON.parse(readFileSync(keysetFile, 'utf8')) as { sequence: number }).sequence;
    expect(JSON.parse((await service.next(/^keyset /)).slice('keyset '.length))).toEqual({ accepted: true, sequence });
    expect(await get(`Bearer ${reader}`)).toEqual({ status: 401, body: { error: 'REVOKED' } });

    // Someone with write access to the folder un-revokes it by hand: refused, the held keyset stays.
    const tampered = readFileSync(keysetFile, 'utf8').replace('"revoked": [', '"revoked": [], "was": [');
    writeFileSync(`${keysetFile}.tmp`, tampered.replace(`"sequence": ${sequence}`, `"sequence": ${sequence + 1}`));
    renameSync(`${keysetFile}.tmp`, keysetFile);
    const refused = JSON.parse((await service.next(/^keyset /)).slice('keyset '.length)) as {
      accepted: boolean;
      reason: string;
    };
    expect(refused).toMatchObject({ accepted: false, reason: expect.stringContaining('signature') });
    expect(await get(`Bearer ${reader}`)).toEqual({ status: 401, body: { error: 'REVOKED' } });

    // The service stops; what it counted is imported into Keyhaven.
    service.child.kill('SIGTERM');
    await new Promise((resolve) => service.child.once('exit', resolve));
    const imported = await keyhaven(['keys', 'import-usage', usageFile], { dataDir });
    expect(imported).toMatchObject({ code: 0, stdout: '' });
    expect(imported.stderr).toContain('1 verification of 1 key of "Pyas" imported');
    const keys = JSON.parse(await keyhavenOk(['keys', 'ls', 'Pyas', '--json'], { dataDir })) as {
      keyId: string;
      useCount: number;
      lastUsedAt: string | null;
    }[];
    expect(keys.find((key) => key.keyId === keyIdOf(reader))).toMatchObject({
      useCount: 1,
      lastUsedAt: expect.any(String),
    });
    expect(keys.find((key) => key.keyId === keyIdOf(writer))).toMatchObject({ useCount: 0 });
  });
});
