import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { makeTempDir } from '../../support/temp-dir';
import { plannedKey, signedKeyset, signingApp } from './keyset-fixture';

const BUILT = fileURLToPath(new URL('../../../out/verify/keyhaven-verify.mjs', import.meta.url));

// A service as users write it: only the built file, the keyset file, two values from the environment,
// and the presented key read from stdin (never from argv).
const SERVICE = `
import { readFileSync } from 'node:fs';
import { createVerifier } from ${JSON.stringify(BUILT)};
const verifier = await createVerifier({
  keyset: readFileSync(process.env.KEYSET_FILE, 'utf8'),
  publicKey: process.env.KEYHAVEN_PUBLIC_KEY,
  secret: process.env.KEYHAVEN_SECRET,
});
const presented = readFileSync(0, 'utf8').trim();
process.stdout.write(JSON.stringify(await verifier.verify(presented, { scope: process.env.SCOPE || undefined })));
`;

// A service that reloads its keyset file and counts use: it must be able to exit without close()
// (the reload timer, the folder watch and the usage timer do not hold the process), and close() writes usage.
const RELOADING_SERVICE = `
import { readFileSync } from 'node:fs';
import { createVerifier } from ${JSON.stringify(BUILT)};
const verifier = await createVerifier({
  loadKeyset: process.env.KEYSET_FILE,
  usageFile: process.env.USAGE_FILE,
  publicKey: process.env.KEYHAVEN_PUBLIC_KEY,
  secret: process.env.KEYHAVEN_SECRET,
});
const outcome = await verifier.verify(readFileSync(0, 'utf8').trim());
if (process.env.CLOSE) await verifier.close();
process.stdout.write(JSON.stringify({ outcome, status: verifier.status() }));
`;

describe('the built verifier, alone in another process', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await makeTempDir('keyhaven-verify');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('is one file with no imports at all, and accepts exactly the keys its keyset holds', () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first.`);
    expect(readFileSync(BUILT, 'utf8')).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(/m);

    const app = signingApp();
    const live = plannedKey('Live0001', { scopes: ['read:items'] });
    const keyset = signedKeyset(app, [live], {
      issuedAt: new Date().toISOString(),
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const keysetFile = join(dir.path, 'pyas.keyset.json');
    writeFileSync(keysetFile, JSON.stringify(keyset));
    const script = join(dir.path, 'service.mjs');
    writeFileSync(script, SERVICE);
    const verify = (presented: string, scope = '') =>
      JSON.parse(
        execFileSync(process.execPath, [script], {
          input: presented,
          encoding: 'utf8',
          env: {
            ...process.env,
            KEYSET_FILE: keysetFile,
            KEYHAVEN_PUBLIC_KEY: app.publicKey,
            KEYHAVEN_SECRET: app.secret,
            SCOPE: scope,
          },
        }),
      ) as { code: string; valid: boolean };

    expect(verify(`Bearer ${live.key}`)).toMatchObject({ valid: true, code: 'VALID', keyId: 'Live0001' });
    expect(verify(live.key, 'write:items').code).toBe('INSUFFICIENT_SCOPE');
    expect(verify(formatKey('pyas', 'Live0001')).code).toBe('NOT_FOUND');
    expect(verify('pyas_nope').code).toBe('MALFORMED');
  });

  it('reloads from a file and counts use, and lets the process exit without close()', () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first.`);
    const app = signingApp();
    const live = plannedKey('Live0001');
    const keysetFile = join(dir.path, 'pyas.keyset.json');
    const usageFile = join(dir.path, 'pyas.usage.json');
    writeFileSync(
      keysetFile,
      JSON.stringify(signedKeyset(app, [live], { validUntil: new Date(Date.now() + 86_400_000).toISOString() })),
    );
    const script = join(dir.path, 'service.mjs');
    writeFileSync(script, RELOADING_SERVICE);
    const run = (close: boolean) =>
      JSON.parse(
        execFileSync(process.execPath, [script], {
          input: live.key,
          encoding: 'utf8',
          // A process held open by a timer or a watch would run into this and fail the test.
          timeout: 20_000,
          env: {
            ...process.env,
            KEYSET_FILE: keysetFile,
            USAGE_FILE: usageFile,
            KEYHAVEN_PUBLIC_KEY: app.publicKey,
            KEYHAVEN_SECRET: app.secret,
            CLOSE: close ? '1' : '',
          },
        }),
      ) as { outcome: { code: string }; status: { sequence: number; lastError: string | null } };

    expect(run(false)).toMatchObject({ outcome: { code: 'VALID' }, status: { sequence: 1, lastError: null } });
    expect(existsSync(usageFile)).toBe(false);
    expect(run(true).outcome.code).toBe('VALID');
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { keys: Record<string, { hours: object }> };
    expect(Object.values(usage.keys.Live0001?.hours ?? {})).toEqual([1]);
  });
});
