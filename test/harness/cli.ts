import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../../electron/core/api/handlers';
import { openCoreHost, type CoreHost } from '../../electron/core/core-host';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { ArgsError, parseHarnessArgs, USAGE, type HarnessArgs } from './args';
import { bundleBridge } from './bridge/bundle';
import { PageError, preparePage } from './page';
import { HOST, startHarnessServer, type HarnessServer } from './server';
import { StaticFiles } from './static-files';
import { HarnessPlatform } from './harness-platform';

/**
 * The browser harness: the built renderer in any browser, backed by the real core and the real OS
 * keychain, for where Electron cannot run (here, CI) — never part of the packaged app.
 * stdout carries exactly one thing, first: the URL to open. Everything else goes to stderr.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  let args: HarnessArgs;
  try {
    const parsed = parseHarnessArgs(argv);
    if (parsed.kind === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    args = parsed.args;
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    process.stderr.write(`harness: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  const rendererDir = args.rendererDir ?? `${REPO}out/renderer`;
  let page;
  try {
    page = preparePage(rendererDir);
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    process.stderr.write(`harness: ${error.message}\n`);
    return 1;
  }
  page.warnings.forEach(log);

  mkdirSync(args.dataDir, { recursive: true, mode: 0o700 });
  let host: CoreHost;
  const platform = new HarnessPlatform();
  try {
    // A damaged keyhaven.json still opens the host: the page then shows the recovery page, as in the app.
    host = await openCoreHost({
      dataDir: args.dataDir,
      keychain: new KeytarKeychain(),
      version: appVersion(),
      platform,
    });
  } catch (error) {
    // StorageError messages are written for people (file, what happened, what to do) and hold no secret.
    process.stderr.write(
      `harness: cannot open the data folder ${args.dataDir}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }

  const core = host.openCore();
  if (args.testApiPort !== undefined && !core) log('the data cannot be opened: the local test API stays off');
  if (args.testApiPort !== undefined && core) {
    try {
      const { baseUrl } = await core.testApi.start(args.testApiPort);
      log(`local test API on ${baseUrl}`);
    } catch (error) {
      await host.close();
      process.stderr.write(
        `harness: cannot start the local test API: ${error instanceof Error ? error.message : error}\n`,
      );
      return 1;
    }
  }

  // 32 random bytes per run: only the page opened from the printed URL can call the core.
  const token = randomBytes(32).toString('hex');
  let server: HarnessServer;
  try {
    server = await startHarnessServer({
      port: args.port,
      token,
      handlers: createHandlers(host),
      events: host.events,
      page,
      bridge: await bundleBridge(),
      files: new StaticFiles(rendererDir),
      platform,
      controlToken: controlToken(),
      log,
    });
  } catch (error) {
    await host.close();
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`harness: cannot listen on ${HOST}:${args.port}${code ? ` (${code})` : ''}.\n`);
    return 1;
  }

  process.stdout.write(`http://${HOST}:${server.port}/?token=${token}\n`);
  log(`serving ${rendererDir} with data folder ${args.dataDir}; Ctrl-C to stop`);
  return await untilStopped(server, host);
}

/** SIGINT/SIGTERM: stop taking requests, then close the core so pending writes reach the disk. */
function untilStopped(server: HarnessServer, host: CoreHost): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log(`${signal} again: exiting without waiting`);
        process.exit(130);
      }
      stopping = true;
      log(`${signal}: closing`);
      void (async () => {
        let code = 0;
        try {
          await server.close();
          await host.close();
          log('closed cleanly');
        } catch (error) {
          log(`closing failed: ${error instanceof Error ? error.message : String(error)}`);
          code = 1;
        }
        resolve(code);
      })();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Set by end-to-end tests to drive the clipboard and power events; at least 32 characters. */
function controlToken(): string | null {
  const token = process.env.KEYHAVEN_HARNESS_CONTROL_TOKEN;
  return token !== undefined && token.length >= 32 ? token : null;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `harness: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
