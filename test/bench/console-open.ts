import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { z } from 'zod';
import {
  CONSOLE_FILE_NAME,
  CONSOLE_SCHEMA_VERSION,
  consoleFileSchema,
  emptyConsoleFile,
} from '../../electron/core/console/console-db';
import { encodeDocument } from '../../electron/core/storage/document-text';
import { launchBrowser, newContext, openApp } from '../e2e/support/browser';
import { startHarness, type HarnessProcess } from '../e2e/support/harness-process';
import { makeTempDir } from '../support/temp-dir';
import { CONSOLE_DOM_SCRIPT, GO_TO_APPS_SCRIPT, openConsoleScript, type OpenFigures } from './console-open-page';
import { fmt, percentile } from './stats';
import type { BenchRow } from './test-api';

/**
 * Opening the request console (issue 13) with 1,000 saved requests and 10,000 history items, in the
 * built renderer, in Chromium, through the browser harness: from the click on "Console" in the main
 * navigation to the first painted frame in which it is interactive (console-open-page.ts says what that
 * means). Beside it, in the same run and alternating with it, the same measure over an empty
 * console.json in a second harness: the baseline. console.json is written directly, in the exact
 * shape of consoleFileSchema (checked by it), before the harness opens the folder: 10,000 durable
 * sends would take minutes and measure nothing here. Needs a build (out/) and a Secret Service (the
 * harness's core uses the real keychain; see table-render-cli.ts).
 */
const OPENS = 15;
const COLD_OPENS = 5;
const COLLECTIONS = 20;
const REQUESTS_PER_COLLECTION = 50;
/** The first collections each get two folders, the first of them one more inside. */
const WITH_FOLDERS = 5;
const HISTORY = 10_000;
const DAY_MS = 86_400_000;
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'] as const;
const RESOURCES = ['orders', 'customers', 'invoices', 'products', 'webhooks'] as const;

export interface ConsoleOpenBench {
  saved: number;
  history: number;
  folders: number;
  /** Sorted. Apps → Console, OPENS times each: the lists were loaded by an earlier visit. */
  fullMs: number[];
  emptyMs: number[];
  /** Sorted. The first open after the page (re)loads: the lists are fetched on the way. */
  fullColdMs: number[];
  emptyColdMs: number[];
  /** Sorted. The warm opens up to an idle main thread, the lists refetched and rendered again. */
  fullIdleMs: number[];
  /** console:history and console:collections of the last full open: bytes and request → last byte. */
  rpc: OpenFigures['rpc'];
  dom: { sidebarElements: number; treeButtons: number; historyButtons: number };
}

/** What is written: defaults (timeouts, size caps) are filled in by the schema, as on any load. */
type ConsoleFileInput = z.input<typeof consoleFileSchema>;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** A console.json as a year of use leaves it: 20 collections, some with folders, and a full history. */
function seededConsole(): { file: ConsoleFileInput; firstFolder: string } {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const file: ConsoleFileInput = emptyConsoleFile();
  const environmentId = randomUUID();
  file.environments.push({
    id: environmentId,
    name: 'Staging',
    variables: [
      { name: 'baseUrl', value: 'https://staging.example.com' },
      { name: 'apiKey', value: 'kh://Personal/Staging' },
    ],
    createdAt: iso(now - 90 * DAY_MS),
    updatedAt: iso(now - 90 * DAY_MS),
  });
  file.activeEnvironmentId = environmentId;

  const request = (i: number, url: string) => {
    const method = pick(METHODS, i);
    return {
      method,
      url,
      query: [{ name: 'limit', value: '50', enabled: true }],
      headers: [{ name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true }],
      body:
        method === 'POST' || method === 'PUT'
          ? { kind: 'json' as const, text: JSON.stringify({ name: `Item ${i}`, quantity: i % 7, tags: ['bench'] }) }
          : { kind: 'none' as const },
      auth: { kind: 'none' as const },
    };
  };

  for (let c = 0; c < COLLECTIONS; c++) {
    const created = iso(now - (60 - c) * DAY_MS);
    const collection = { id: randomUUID(), name: `Service ${String(c + 1).padStart(2, '0')}`, parentId: null };
    file.folders.push({ ...collection, order: c, createdAt: created });
    const places = [collection.id];
    if (c < WITH_FOLDERS) {
      const admin = randomUUID();
      file.folders.push({ id: admin, name: 'Admin', parentId: collection.id, order: 0, createdAt: created });
      const legacy = randomUUID();
      file.folders.push({ id: legacy, name: 'Legacy', parentId: admin, order: 0, createdAt: created });
      const webhooks = randomUUID();
      file.folders.push({ id: webhooks, name: 'Webhooks', parentId: collection.id, order: 1, createdAt: created });
      places.push(admin, legacy, webhooks);
    }
    for (let r = 0; r < REQUESTS_PER_COLLECTION; r++) {
      const i = c * REQUESTS_PER_COLLECTION + r;
      const folderId = pick(places, r);
      const order = Math.floor(r / places.length);
      const resource = pick(RESOURCES, r);
      file.saved.push({
        id: randomUUID(),
        name: `${pick(METHODS, i) === 'GET' ? 'List' : 'Change'} ${resource} ${r + 1}`,
        folderId,
        order,
        request: request(i, `{{baseUrl}}/v1/${resource}/${r + 1}`),
        secretsRemoved: false,
        createdAt: created,
        updatedAt: created,
      });
    }
  }

  // Oldest first, over the last 60 days, as history.add leaves it.
  const start = now - 60 * DAY_MS;
  for (let i = 0; i < HISTORY; i++) {
    const stored = {
      ...request(i, `https://api.service-${(i % COLLECTIONS) + 1}.example.com/v1/${pick(RESOURCES, i)}/${i}`),
      auth: { kind: 'typed-removed' as const, scheme: { kind: 'bearer' as const } },
    };
    file.history.push({
      id: randomUUID(),
      at: iso(start + Math.floor((i * 60 * DAY_MS) / HISTORY)),
      request: stored,
      outcome:
        i % 50 === 49
          ? { kind: 'error', code: 'NETWORK', message: 'The server did not answer within 30 s.' }
          : i % 10 === 9
            ? { kind: 'response', status: 404, statusText: 'Not Found', timeMs: 40 + (i % 200), sizeBytes: 96 }
            : { kind: 'response', status: 200, statusText: 'OK', timeMs: 40 + (i % 200), sizeBytes: 512 },
      secretsRemoved: true,
      bodyOmittedBytes: null,
    });
  }
  return { file, firstFolder: 'Service 01' };
}

/** Writes console.json as the store would (its schema checks it, defaults filled in; journalSeq 0). */
async function writeConsoleFile(dir: string, data: ConsoleFileInput): Promise<void> {
  const file = consoleFileSchema.parse({ ...data, schemaVersion: CONSOLE_SCHEMA_VERSION, journalSeq: 0 });
  await writeFile(join(dir, CONSOLE_FILE_NAME), encodeDocument(file), { mode: 0o600 });
}

/** The bench's console.json in `dir` (a data folder no process has open), for profiling it by hand. */
export async function seedConsoleFolder(dir: string): Promise<{ firstFolder: string }> {
  const seeded = seededConsole();
  await writeConsoleFile(dir, seeded.file);
  return { firstFolder: seeded.firstFolder };
}

interface Side {
  harness: HarnessProcess;
  page: Page;
  firstFolder: string | null;
  warm: OpenFigures[];
  cold: number[];
}

async function openOnce(side: Side): Promise<OpenFigures> {
  await side.page.evaluate(GO_TO_APPS_SCRIPT);
  return side.page.evaluate<OpenFigures>(openConsoleScript(side.firstFolder));
}

/** The first open after a page load: the renderer's stores start empty, as when the app starts. */
async function openCold(side: Side): Promise<number> {
  await openApp(side.page, side.harness.url);
  return (await openOnce(side)).interactiveMs;
}

/** Runs the full and the empty side by turns (which goes first alternates), so both see the same machine. */
async function alternate(sides: [Side, Side], times: number, run: (side: Side) => Promise<void>): Promise<void> {
  for (let i = 0; i < times; i++) {
    const order = i % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const side of order) await run(side);
  }
}

export async function benchConsoleOpen(): Promise<ConsoleOpenBench> {
  const fullDir = await makeTempDir('keyhaven-console-open');
  const emptyDir = await makeTempDir('keyhaven-console-open-empty');
  const harnesses: HarnessProcess[] = [];
  try {
    const seeded = seededConsole();
    await writeConsoleFile(fullDir.path, seeded.file);
    await writeConsoleFile(emptyDir.path, emptyConsoleFile());
    harnesses.push(await startHarness({ dataDir: fullDir.path }), await startHarness({ dataDir: emptyDir.path }));
    const browser = await launchBrowser();
    try {
      const sides = [] as unknown as [Side, Side];
      for (const [harness, firstFolder] of [
        [harnesses[0], seeded.firstFolder],
        [harnesses[1], null],
      ] as const) {
        if (!harness) throw new Error('a harness did not start');
        const page = await (await newContext(browser, harness.origin)).newPage();
        await openApp(page, harness.url);
        sides.push({ harness, page, firstFolder, warm: [], cold: [] });
      }
      const [full, empty] = sides;

      // The cold opens first: each reload also leaves the page in the state the warm opens start from.
      await alternate(sides, COLD_OPENS, async (side) => void side.cold.push(await openCold(side)));
      await alternate(sides, OPENS, async (side) => void side.warm.push(await openOnce(side)));
      const dom = await full.page.evaluate<ConsoleOpenBench['dom']>(CONSOLE_DOM_SCRIPT);
      const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
      return {
        saved: seeded.file.saved.length,
        history: seeded.file.history.length,
        folders: seeded.file.folders.length,
        fullMs: sorted(full.warm.map((figures) => figures.interactiveMs)),
        emptyMs: sorted(empty.warm.map((figures) => figures.interactiveMs)),
        fullColdMs: sorted(full.cold),
        emptyColdMs: sorted(empty.cold),
        fullIdleMs: sorted(full.warm.map((figures) => figures.idleMs)),
        rpc: full.warm[full.warm.length - 1]?.rpc ?? [],
        dom,
      };
    } finally {
      await browser.close();
    }
  } finally {
    for (const harness of harnesses) await harness.stop();
    await fullDir.remove();
    await emptyDir.remove();
  }
}

const max = (sorted: number[]) => sorted[sorted.length - 1] ?? Number.NaN;
const p50 = (sorted: number[]) => percentile(sorted, 50);
const ratio = (a: number, b: number) => `${fmt(a / b)}× empty`;
const kb = (bytes: number) => `${fmt(bytes / 1024, 0)} KB`;

export function consoleOpenBenchRows(b: ConsoleOpenBench): BenchRow[] {
  const rpc =
    b.rpc.length > 0
      ? b.rpc.map((r) => `${r.channel} ${kb(r.bytes)} in ${fmt(r.ms)} ms`).join(', ')
      : 'nothing fetched again (the lists stay in the page, kept current by data:changed)';
  return [
    [
      `Console opening with ${b.saved.toLocaleString('en-US')} saved requests and ${b.history.toLocaleString('en-US')} history items, to interactive (Chromium, Apps → Console, ${b.fullMs.length} opens)`,
      `p50 ${fmt(p50(b.fullMs))} ms · max ${fmt(max(b.fullMs))} ms (${ratio(p50(b.fullMs), p50(b.emptyMs))})`,
      '≤ 200 ms to interactive',
    ],
    [
      'Console opening with an empty console.json (baseline, same run)',
      `p50 ${fmt(p50(b.emptyMs))} ms · max ${fmt(max(b.emptyMs))} ms`,
      '—',
    ],
    [
      `Console: first open after the app loads (lists fetched), ${b.fullColdMs.length} reloads`,
      `p50 ${fmt(p50(b.fullColdMs))} ms · max ${fmt(max(b.fullColdMs))} ms; empty p50 ${fmt(p50(b.emptyColdMs))} ms (${ratio(p50(b.fullColdMs), p50(b.emptyColdMs))})`,
      '≤ 200 ms to interactive',
    ],
    [
      'Console opening: until the page is idle again',
      `p50 ${fmt(p50(b.fullIdleMs))} ms · max ${fmt(max(b.fullIdleMs))} ms; ${rpc}; ${b.dom.treeButtons.toLocaleString('en-US')} buttons in the collections tree`,
      '—',
    ],
  ];
}
