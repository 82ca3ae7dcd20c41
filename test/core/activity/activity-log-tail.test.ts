import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKeyhavenData } from '../../../electron/core/db/recorded-commit';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

const APP = '11111111-1111-4111-8111-111111111111';

/**
 * A short-lived process (the command line) reads only the end of activity.jsonl: its start does not
 * grow with the log, and what it delivers still continues the chain exactly.
 */
describe('a tail-only activity log', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const keychain = new MemoryKeychain();
  const now = () => new Date('2026-12-03T10:00:00.000Z');
  const open = async (shortLived: boolean) =>
    (
      await openKeyhavenData(dir.path, {
        keychain,
        now,
        actor: shortLived ? 'cli' : 'app',
        shortLived,
        onDeliveryError: (e) => {
          throw e;
        },
      })
    ).db;

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('continues a long log from its last lines, and the whole chain checks intact', async () => {
    const app = await open(false);
    // Summaries of ~300 bytes: 500 records make a log several times the 64 KiB window.
    for (let i = 1; i <= 500; i += 1)
      await app.commit(() => ({
        ops: [],
        result: null,
        activity: [{ type: 'app.created', appId: APP, summary: `event ${i} ${'x'.repeat(300)}` }],
      }));
    await app.close();
    expect((await stat(join(dir.path, 'activity.jsonl'))).size).toBeGreaterThan(4 * 64 * 1024);

    for (let call = 1; call <= 3; call += 1) {
      const cli = await open(true);
      expect(() => cli.activity.list()).toThrow(/delivery only/);
      await cli.commit(() => ({
        ops: [],
        result: null,
        activity: [{ type: 'entry.read', appId: null, summary: `read ${call}` }],
      }));
      await cli.close();
    }

    const lines = (await readFile(join(dir.path, 'activity.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(503);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ seq: 503, actor: 'cli', summary: 'read 3' });
    const reopened = await open(false);
    expect(await reopened.activity.check()).toEqual({ intact: true, count: 503, brokenAtSeq: null, problem: null });
    expect(reopened.activity.list({ limit: 1 })[0]).toMatchObject({ seq: 503, actor: 'cli' });
    await reopened.close();
  }, 60_000); // 500 commits, each durable: seconds on a busy 2-CPU runner
});
