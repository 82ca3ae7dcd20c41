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
});
