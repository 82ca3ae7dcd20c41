import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../e2e/support/harness-process';
import { fmt, percentile } from './stats';
import { benchKeysTable } from './table-render';

/**
 * The keys-table bench on its own: `npx tsx test/bench/table-render-cli.ts` (after `npm run build`).
 *
 * The seeding and the harness use the real OS keychain, as the e2e tests do. On Linux, when
 * dbus-run-session and gnome-keyring-daemon exist, this re-runs itself in a private D-Bus session with a
 * throwaway, unlocked gnome-keyring (the same way test/run-tests.mjs does), so no pepper lands in your own
 * keyring. By hand that is:
 *
 *     dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
 *       KEYHAVEN_BENCH_IN_SESSION=1 npx tsx test/bench/table-render-cli.ts'
 *
 * Elsewhere (macOS, Windows, or without those tools) it uses the keychain that answers.
 */
const IN_SESSION = 'KEYHAVEN_BENCH_IN_SESSION';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function rerunInKeyringSession(): Promise<number> {
  const keyringHome = mkdtempSync(join(tmpdir(), 'keyhaven-keyring-'));
  const script =
    'printf %s "$KEYHAVEN_KEYRING_PASSWORD" | XDG_DATA_HOME="$KEYHAVEN_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
    'unset KEYHAVEN_KEYRING_PASSWORD; exec "$KEYHAVEN_NODE" --import tsx "$KEYHAVEN_BENCH_SCRIPT"';
  return new Promise((resolve) => {
    const child = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        [IN_SESSION]: '1',
        KEYHAVEN_KEYRING_PASSWORD: randomBytes(24).toString('hex'),
        KEYHAVEN_KEYRING_HOME: keyringHome,
        KEYHAVEN_NODE: process.execPath,
        KEYHAVEN_BENCH_SCRIPT: fileURLToPath(import.meta.url),
      },
    });
    child.on('exit', (code) => {
      rmSync(keyringHome, { recursive: true, force: true });
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<void> {
  const result = await benchKeysTable();
  const sorted = [...result.filterKeystrokeMs].sort((a, b) => a - b);
  console.log(`Keys table, ${result.keys.toLocaleString('en-US')} keys, Chromium through the browser harness`);
  console.log(`  first render (click on the app → rows painted): ${fmt(result.firstRenderMs)} ms`);
  console.log(
    `  filter keystrokes ("${result.filterQuery}", one character at a time): median ${fmt(percentile(sorted, 50))} ms, ` +
      `max ${fmt(sorted[sorted.length - 1] ?? Number.NaN)} ms`,
  );
  result.filterKeystrokeMs.forEach((ms, i) =>
    console.log(
      `    "${result.filterQuery.slice(0, i + 1)}" → ${result.filterMatches[i]} match${result.filterMatches[i] === 1 ? '' : 'es'}: ${fmt(ms)} ms`,
    ),
  );
  console.log(`  key rows in the DOM: ${result.rowsInDom} of ${result.keys.toLocaleString('en-US')}`);
}

if (
  process.platform === 'linux' &&
  process.env[IN_SESSION] !== '1' &&
  has('dbus-run-session') &&
  has('gnome-keyring-daemon')
) {
  process.exit(await rerunInKeyringSession());
}
await main();
