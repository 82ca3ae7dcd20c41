/**
 * The other process of the cross-process bench: opens a core on the data folder given, then for each
 * `revoke <id>` line on stdin revokes that key and prints `revoked <epoch ms>` once the revocation is
 * durable. Uses the real keychain (the bench runs under test/with-keyring.mjs).
 */
import { createInterface } from 'node:readline';
import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: cross-process-child.ts <dataDir>');
const core = await openCore({ dataDir, keychain: new KeytarKeychain(), version: 'bench-child' });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, id] = line.split(' ');
  if (command !== 'revoke' || !id) continue;
  await core.lifecycle.revoke(id);
  process.stdout.write(`revoked ${performance.timeOrigin + performance.now()}\n`);
}
await core.close();
