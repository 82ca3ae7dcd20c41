import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../electron/core/clock';
import { ConsoleService, type ConsoleEntries } from '../../electron/core/console/console-service';
import { SecretReferences } from '../../electron/core/vaults/secret-references';
import { openVaults, type Vaults } from '../../electron/core/vaults/vaults';
import { consoleRequestSchema } from '../../shared/console/request';
import { formatSecretReference } from '../../shared/domain/secret-reference';
import { folderSeals } from '../support/folder-seals';
import { MemoryKeychain } from '../support/memory-keychain';
import { makeTempDir } from '../support/temp-dir';
import { fmt, percentile, timeMsAsync } from './stats';
import type { BenchRow } from './test-api';

/**
 * Sending with environment variables (issue 13): `GET {{baseUrl}}/v1/whoami` with
 * `Authorization: Bearer {{apiKey}}`, where `apiKey` is a `kh://` reference to a real vault entry, so
 * every send parses the reference, finds the entry, checks its allowed hosts and decrypts its key
 * (request-variables.ts) before what console.ts already measures. Beside it, in the same loop: a plain
 * `fetch`, and the same request with the key typed into the header (no environment), so the table
 * separates the console's own overhead from the part the variables add.
 *
 * The three are interleaved, their order rotating each iteration, so a slow patch of the machine (GC,
 * a journal compaction, another process) lands on all of them alike. The keychain is in memory: the
 * vault is unlocked before the loop and a send never reads the keychain.
 */
const RUNS = 500;
const WARM_UP = 50;
const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';

export interface ConsoleVariablesBench {
  runs: number;
  fetchP50Ms: number;
  literalP50Ms: number;
  literalP99Ms: number;
  variableP50Ms: number;
  variableP99Ms: number;
}

/** The console's view of real vaults, as core.ts builds it (the same as test/core/console/history-fixture.ts). */
function consoleEntriesOf(vaults: Vaults): ConsoleEntries {
  return {
    reveal: (id) => vaults.entries.reveal(id),
    get: (id) => vaults.entries.get(id),
    // open() records nothing (only read(), for the command line, does).
    find: (reference) => new SecretReferences(() => vaults, { record: () => Promise.resolve() }).open(reference),
    recordSent: () => Promise.resolve(),
    recordShown: () => Promise.resolve(),
  };
}

/** For the console without an environment: a request that names no entry never reaches these. */
const noEntries: ConsoleEntries = {
  reveal: () => {
    throw new Error('no vault entry in this send');
  },
  get: () => {
    throw new Error('no vault entry in this send');
  },
  find: () => {
    throw new Error('no kh:// reference in this send');
  },
  recordSent: () => Promise.resolve(),
  recordShown: () => Promise.resolve(),
};

export async function benchConsoleVariables(runs = RUNS): Promise<ConsoleVariablesBench> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, auth: req.headers.authorization === `Bearer ${KEY}` ? 'right' : 'wrong' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `http://${host}/v1/whoami`;
  // Two data folders: each console has its own console.json, so each history journal grows (and
  // compacts) at the pace it would alone.
  const withVault = await makeTempDir('keyhaven-bench-console-vars');
  const typedOnly = await makeTempDir('keyhaven-bench-console-literal');
  const keychain = new MemoryKeychain();
  let vaults: Vaults | null = null;
  let variableConsole: ConsoleService | null = null;
  let literalConsole: ConsoleService | null = null;
  try {
    vaults = await openVaults(withVault.path, keychain, systemClock, folderSeals(keychain, withVault.path));
    const [vault] = vaults.vaults.listVaults();
    if (!vault) throw new Error('openVaults made no default vault');
    const entry = await vaults.entries.addEntry({
      vaultId: vault.id,
      secret: KEY,
      name: 'Pyas bench',
      preset: 'pyas',
      allowedHosts: [host],
    });
    variableConsole = await ConsoleService.open(withVault.path, consoleEntriesOf(vaults));
    await variableConsole.environments.create('Local', [
      { name: 'baseUrl', value: `http://${host}` },
      { name: 'apiKey', value: formatSecretReference(vault.name, entry.name) },
    ]);
    literalConsole = await ConsoleService.open(typedOnly.path, noEntries);

    const withVariables = consoleRequestSchema.parse({
      method: 'GET',
      url: '{{baseUrl}}/v1/whoami',
      headers: [{ name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true }],
    });
    const literal = consoleRequestSchema.parse({
      method: 'GET',
      url,
      headers: [{ name: 'Authorization', value: `Bearer ${KEY}`, enabled: true }],
    });
    const sendWith = (service: ConsoleService, request: typeof literal) => async () => {
      const response = await service.send(randomUUID(), request);
      // The echo says whether the right key arrived; the body itself comes back masked.
      if (response.status !== 200 || !response.bodyText.includes('"right"'))
        throw new Error(`the console's send answered ${response.status} ${response.bodyText}`);
    };
    const fetchOnce = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
      await response.text();
    };
    const variants = [fetchOnce, sendWith(literalConsole, literal), sendWith(variableConsole, withVariables)];

    for (let i = 0; i < WARM_UP; i++) for (const run of variants) await run();
    const times: number[][] = variants.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < variants.length; k++) {
        const which = (i + k) % variants.length;
        times[which]?.push(await timeMsAsync(variants[which] as () => Promise<void>));
      }
    }
    const [fetchTimes, literalTimes, variableTimes] = times.map((list) => list.sort((a, b) => a - b)) as [
      number[],
      number[],
      number[],
    ];
    return {
      runs,
      fetchP50Ms: percentile(fetchTimes, 50),
      literalP50Ms: percentile(literalTimes, 50),
      literalP99Ms: percentile(literalTimes, 99),
      variableP50Ms: percentile(variableTimes, 50),
      variableP99Ms: percentile(variableTimes, 99),
    };
  } finally {
    await variableConsole?.close();
    await literalConsole?.close();
    await vaults?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await withVault.remove();
    await typedOnly.remove();
  }
}

const times = (ms: number, baseline: number) => `${fmt(ms / baseline)}× fetch`;

export function consoleVariablesBenchRows(b: ConsoleVariablesBench): BenchRow[] {
  return [
    [
      `Send with a vault-key variable vs plain fetch (\`{{baseUrl}}\`, \`{{apiKey}}\` = kh://…; ${b.runs} interleaved runs)`,
      `fetch p50 ${fmt(b.fetchP50Ms, 2)} ms · console p50 ${fmt(b.variableP50Ms, 2)} ms (${times(b.variableP50Ms, b.fetchP50Ms)}) · ` +
        `p99 ${fmt(b.variableP99Ms, 2)} ms · overhead p50 ${fmt(b.variableP50Ms - b.fetchP50Ms, 2)} ms`,
      'overhead ≤ 2 ms at p50',
    ],
    [
      'The same send with the key typed into the header (no environment), same runs',
      `console p50 ${fmt(b.literalP50Ms, 2)} ms (${times(b.literalP50Ms, b.fetchP50Ms)}) · p99 ${fmt(b.literalP99Ms, 2)} ms · ` +
        `overhead p50 ${fmt(b.literalP50Ms - b.fetchP50Ms, 2)} ms; the variables add ${fmt(b.variableP50Ms - b.literalP50Ms, 2)} ms`,
      '—',
    ],
  ];
}
