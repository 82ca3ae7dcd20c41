import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core';
import { createVerifier, type Verifier } from '../../shared/verify/index';
import { generateInput } from '../support/generate-input';
import { MemoryKeychain } from '../support/memory-keychain';
import { makeTempDir } from '../support/temp-dir';
import { fmt, percentile } from './stats';
import type { BenchRow } from './test-api';

const ROUNDS = 30;

export interface PublishBench {
  /** The baseline: `issuing.revoke` of the same store before publishing was turned on. */
  unpublishedMs: number[];
  /** `issuing.revoke` until it returns: the commit and the published file rewritten. */
  revokeMs: number[];
  /** From the revoke's start until a running verifier watching the file answers REVOKED. */
  reachedMs: number[];
  keys: number;
}

/**
 * How fast a revocation reaches a service (issue 12): a real core publishing to a folder, and a
 * verifier in this process loading that file with its defaults (a folder watch, a 30 s poll behind it).
 * Each round revokes a key of 1,000 and times until the verifier's next accepted keyset, then checks
 * that the key answers REVOKED there. The baseline: the same revokes before publishing was turned on.
 */
export async function benchKeysetPublish(): Promise<PublishBench> {
  const dir = await makeTempDir('keyhaven-publish-bench');
  const core = await openCore({ dataDir: dir.path, keychain: new MemoryKeychain(), version: 'bench' });
  let verifier: Verifier | null = null;
  try {
    const app = await core.apps.create({ name: 'Bench' });
    const folder = join(dir.path, 'published');
    await mkdir(folder);
    const issued: { id: string; plaintext: string }[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      const { key, plaintext } = await core.keys.generate(generateInput(app.id, { name: `Key ${i}` }));
      issued.push({ id: key.id, plaintext });
    }
    const unpublishedMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const start = performance.now();
      await core.issuing.revoke((issued[issued.length - 1 - round] as { id: string }).id);
      unpublishedMs.push(performance.now() - start);
    }
    await core.keysets.configure({ appId: app.id, publishTo: folder });
    let accepted: (() => void) | null = null;
    verifier = await createVerifier({
      loadKeyset: join(folder, 'bench.keyset.json'),
      publicKey: (await core.keysets.status(app.id)).publicKey,
      secret: (await core.secrets.pepperOf(app.id)).toString('base64url'),
      onKeysetEvent: (event) => {
        if (event.accepted) accepted?.();
      },
    });
    const revokeMs: number[] = [];
    const reachedMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const { id, plaintext } = issued[round] as { id: string; plaintext: string };
      const reached = new Promise<void>((resolve) => (accepted = resolve));
      const start = performance.now();
      await core.issuing.revoke(id);
      revokeMs.push(performance.now() - start);
      await reached;
      reachedMs.push(performance.now() - start);
      const code = (await verifier.verify(plaintext)).code;
      if (code !== 'REVOKED') throw new Error(`round ${round}: the service answered ${code}`);
    }
    return { unpublishedMs, revokeMs, reachedMs, keys: issued.length };
  } finally {
    await verifier?.close();
    await core.close();
    await dir.remove();
  }
}

export function publishBenchRows(b: PublishBench): BenchRow[] {
  const sorted = (values: number[]) => [...values].sort((x, y) => x - y);
  const spread = (values: number[]) =>
    `p50 ${fmt(percentile(sorted(values), 50))} ms · max ${fmt(sorted(values)[values.length - 1] ?? Number.NaN)} ms`;
  const ratio = percentile(sorted(b.revokeMs), 50) / percentile(sorted(b.unpublishedMs), 50);
  return [
    ['Revoke, no keyset published (baseline)', spread(b.unpublishedMs), '—'],
    [
      `Revoke with a published keyset (${b.keys.toLocaleString('en-US')} keys): commit + file rewritten`,
      spread(b.revokeMs),
      '≤ 1 s',
    ],
    ['Revoke with publishing ÷ without (p50)', `${fmt(ratio)} ×`, '—'],
    ['Revocation reaches a running verifier (folder watch; poll every 30 s behind it)', spread(b.reachedMs), '≤ 30 s'],
  ];
}
