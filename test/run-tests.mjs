// `npm test`: every vitest project, against a real OS keychain and a current build.
//
// 1. Builds first (about 3 s): e2e tests drive the built renderer, main tests boot the built bundles,
//    and a stale out/ would test yesterday's code.
// 2. On Linux, re-runs itself inside a private D-Bus session with a throwaway, unlocked gnome-keyring
//    (when dbus-run-session and gnome-keyring-daemon exist), so the keychain tests use the real
//    keytar → libsecret → Secret Service path and never leave entries in a developer's own keyring.
//    Without those tools it uses the Secret Service that answers, or says what to install.
// 3. Runs `vitest run` with any extra arguments (`npm test -- --project e2e`), prints one closing line
//    `Tests: N passed, N failed` and exits with vitest's code.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IN_SESSION = '--in-session';
const argv = process.argv.slice(2);
const inSession = argv[0] === IN_SESSION;
const vitestArgs = inSession ? argv.slice(1) : argv;
const say = (line) => process.stderr.write(`[run-tests] ${line}\n`);

/** Runs a command with inherited stdio; resolves with its exit code. Ctrl-C reaches the child itself. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    const ignore = () => {}; // the child got the same signal from the terminal; wait for its code
    process.on('SIGINT', ignore);
    process.on('SIGTERM', ignore);
    child.on('error', (error) => {
      say(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', ignore);
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

async function build() {
  say('building the bundles first (npx electron-vite build)');
  const code = await run('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (code !== 0) process.exit(code);
}

/** The plain closing line CI reads, from vitest's JSON report. */
function printSummary(reportFile) {
  if (!existsSync(reportFile)) return;
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const tail = skipped > 0 ? `, ${skipped} skipped` : '';
  process.stdout.write(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${tail}\n`);
}

/** True when keytar can reach a Secret Service here. A child process, so a hang cannot block us. */
function keychainAnswers() {
  const probe = `require('keytar').getPassword('Keyhaven-probe', 'probe').then(() => process.exit(0), () => process.exit(1));`;
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, timeout: 10_000, stdio: 'ignore' });
  return result.status === 0;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * The keyring lives in a fresh folder (XDG_DATA_HOME of the daemon only): an existing login keyring
 * in $HOME would not open with a new random password, and a developer's own keyring stays untouched.
 */
async function rerunInKeyringSession() {
  const needed = { 'dbus-run-session': 'dbus', 'gnome-keyring-daemon': 'gnome-keyring' };
  const absent = Object.keys(needed).filter((command) => !has(command));
  if (absent.length > 0 && keychainAnswers()) {
    say(`${absent.join(' and ')} not found: using the Secret Service that answers on this session`);
    return;
  }
  if (absent.length > 0) {
    say(`no Secret Service answered, and ${absent.join(' and ')} (to start a private one) cannot be found.`);
    say(
      `Install them (Debian/Ubuntu: sudo apt-get install -y ${absent.map((c) => needed[c]).join(' ')}), or unlock your keyring, then run npm test again.`,
    );
    process.exit(1);
  }
  const keyringHome = mkdtempSync(join(tmpdir(), 'keyhaven-keyring-'));
  say('running the tests in a private D-Bus session with a throwaway gnome-keyring');
  const script =
    'printf %s "$KEYHAVEN_KEYRING_PASSWORD" | XDG_DATA_HOME="$KEYHAVEN_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
    'unset KEYHAVEN_KEYRING_PASSWORD; exec "$KEYHAVEN_NODE" test/run-tests.mjs --in-session "$@"';
  const code = await run('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...vitestArgs], {
    env: {
      ...process.env,
      KEYHAVEN_KEYRING_PASSWORD: randomBytes(24).toString('hex'),
      KEYHAVEN_KEYRING_HOME: keyringHome,
      KEYHAVEN_NODE: process.execPath,
    },
  });
  rmSync(keyringHome, { recursive: true, force: true });
  process.exit(code);
}

if (!inSession) await build();
if (!inSession && process.platform === 'linux') await rerunInKeyringSession();
if (inSession && !keychainAnswers()) {
  say('the private gnome-keyring did not answer; the keychain tests will fail (see the messages above).');
}
// Tells the integration and e2e tests that the keychain they reach is real (and, in a session, disposable).
process.env.KEYHAVEN_TEST_KEYRING = '1';
const reportFile = join(ROOT, 'test-results', 'vitest-report.json');
rmSync(reportFile, { force: true });
const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
const code = await run('npx', ['vitest', 'run', ...reporters, ...vitestArgs]);
printSummary(reportFile);
process.exit(code);
