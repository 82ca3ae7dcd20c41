import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYHAVEN_BIN, keyhaven, useDataFolders } from '../support/keyhaven-cli';
import { activityOfType, addEntry, expectFailure } from './cli-fixtures';

const SECRET = 'sk_live_runTestValue0123456789';
const CONCEALED = '<concealed by Keyhaven>';

/** `keyhaven run` as users run it: the built command, a real child, a real keychain. */
describe('keyhaven run', () => {
  const newFolder = useDataFolders();
  const prepared = async () => {
    const dataDir = newFolder();
    await addEntry(dataDir, 'Personal', 'Stripe', `Authorization: Bearer ${SECRET}`);
    return dataDir;
  };

  it('passes --env references to the child, masks them in piped output, and exits with its code', async () => {
    const dataDir = await prepared();
    const run = await keyhaven(
      [
        'run',
        '--env',
        'STRIPE=kh://Personal/Stripe',
        '--',
        'sh',
        '-c',
        'echo "out $STRIPE"; echo "err $STRIPE" >&2; exit 7',
      ],
      { dataDir },
    );
    expect(run.code).toBe(7);
    expect(run.stdout).toBe(`out ${CONCEALED}\n`);
    expect(run.stderr).toBe(`err ${CONCEALED}\n`);
    expect(activityOfType(dataDir, 'entry.read').at(-1)).toMatchObject({ actor: 'cli' });
  });

  it('gives the child the real value (it checks it itself) and --no-masking shows it', async () => {
    const dataDir = await prepared();
    const check = `[ "$K" = "${SECRET}" ] && echo same`;
    expect(
      (await keyhaven(['run', '--env', 'K=kh://Personal/Stripe', '--', 'sh', '-c', check], { dataDir })).stdout,
    ).toBe('same\n');
    const unmasked = await keyhaven(
      ['run', '--no-masking', '--env', 'K=kh://Personal/Stripe', '--', 'sh', '-c', 'echo $K'],
      {
        dataDir,
      },
    );
    expect(unmasked.stdout).toBe(`${SECRET}\n`);
  });

  it('resolves references in its own environment and in --env-file; plain variables pass through', async () => {
    const dataDir = await prepared();
    const envFile = join(dataDir, 'app.env');
    writeFileSync(envFile, 'AUTH=kh://Personal/Stripe/header\nPLAIN=hello\n');
    const run = await keyhaven(['run', '--env-file', envFile, '--', 'sh', '-c', 'echo "$AUTH|$PLAIN|$FROM_ENV"'], {
      dataDir,
      env: { FROM_ENV: 'kh://Personal/Stripe/scheme' },
    });
    // The header line and the bare key inside it are both concealed; the scheme is not a secret.
    expect(run.stdout).toBe(`${CONCEALED}|hello|bearer\n`);
    const bare = await keyhaven(
      ['run', '--env-file', envFile, '--', 'sh', '-c', 'echo "${AUTH#Authorization: Bearer }"'],
      {
        dataDir,
      },
    );
    expect(bare.stdout).toBe(`${CONCEALED}\n`);
  });

  it('masks a secret the child writes in two pieces', async () => {
    const dataDir = await prepared();
    const script = `printf '%s' "\${K%????????????????}"; sleep 0.2; printf '%s\\n' "\${K#??????????????}"`;
    const run = await keyhaven(['run', '--env', 'K=kh://Personal/Stripe', '--', 'sh', '-c', script], { dataDir });
    expect(run.stdout).not.toContain(SECRET.slice(0, 14));
    expect(run.stdout).not.toContain(SECRET.slice(-14));
  });

  it('forwards SIGTERM to the child and exits with its code', async () => {
    const dataDir = await prepared();
    const trap = 'trap "echo got TERM; exit 42" TERM; echo ready; while :; do sleep 0.05; done';
    const child = spawn(
      process.execPath,
      [KEYHAVEN_BIN, 'run', '--env', 'K=kh://Personal/Stripe', '--', 'sh', '-c', trap],
      {
        env: { ...process.env, KEYHAVEN_DATA_DIR: dataDir },
      },
    );
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready')) resolve();
      }),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(42);
    expect(stdout).toContain('got TERM');
  });

  it('refuses plain values, malformed references and unknown entries before starting anything', async () => {
    const dataDir = await prepared();
    const marker = join(dataDir, 'started');
    const touch = ['--', 'sh', '-c', `touch ${marker}`];
    expect(expectFailure(await keyhaven(['run', '--env', `K=${SECRET}`, ...touch], { dataDir }), 2)).not.toContain(
      SECRET,
    );
    expectFailure(await keyhaven(['run', '--env', 'K=kh://Personal', ...touch], { dataDir }), 2);
    expect(expectFailure(await keyhaven(['run', '--env', 'K=kh://Personal/Nope', ...touch], { dataDir }), 3)).toContain(
      'Nope',
    );
    expectFailure(await keyhaven(['run', ...touch], { dataDir, env: { BAD: 'kh://only-vault' } }), 2);
    expect(
      (await keyhaven(['run', '--', 'sh', '-c', 'test -e ' + marker + ' && echo started || echo never'], { dataDir }))
        .stdout,
    ).toBe('never\n');
  });

  it('answers 127 for a command that does not exist', async () => {
    const dataDir = await prepared();
    const run = await keyhaven(['run', '--', 'no-such-command-here'], { dataDir });
    expect(run.code).toBe(127);
    expect(run.stderr).toContain('command not found: no-such-command-here');
  });
});
