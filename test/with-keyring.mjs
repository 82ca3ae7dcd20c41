// Runs a command against a real, disposable OS keychain: `node test/with-keyring.mjs <command> [args…]`.
//
// On Linux, when dbus-run-session and gnome-keyring-daemon exist, the command runs inside a private D-Bus
// session with a throwaway, unlocked gnome-keyring (its files in a fresh temporary folder), so tests and
// benchmarks use the real keytar → libsecret → Secret Service path and never leave entries in a
// developer's own keyring. Without those tools it uses the Secret Service that answers, or says what to
// install. On macOS and Windows the command runs as it is, against the user's keychain.
//
// `npm test` and `npm run bench` both go through it; the command sees KEYHAVEN_TEST_KEYRING=1.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [command, ...args] = process.argv.slice(2);
const say = (line) => process.stderr.write(`[with-keyring] ${line}\n`);

if (!command) {
  say('usage: node test/with-keyring.mjs <command> [args…]');
  process.exit(2);
}

/** Runs with inherited stdio; resolves with the exit code. Ctrl-C reaches the child itself. */
function run(file, argv, env) {
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd: ROOT, stdio: 'inherit', env });
    const ignore = () => {};
    process.on('SIGINT', ignore);
    process.on('SIGTERM', ignore);
    child.on('error', (error) => {
      say(`could not start ${file}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;

/** True when keytar can reach a Secret Service here. A child process, so a hang cannot block us. */
function keychainAnswers() {
  const probe = `require('keytar').getPassword('Keyhaven-probe', 'probe').then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, timeout: 10_000, stdio: 'ignore' }).status === 0;
}

const env = { ...process.env, KEYHAVEN_TEST_KEYRING: '1' };

if (process.platform !== 'linux' || process.env.KEYHAVEN_IN_KEYRING_SESSION) {
  process.exit(await run(command, args, env));
}

if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
  if (keychainAnswers()) {
    say('dbus-run-session or gnome-keyring-daemon not found: using the Secret Service that answers');
    process.exit(await run(command, args, env));
  }
  say('no Secret Service answered, and dbus-run-session / gnome-keyring-daemon (to start a private one) are missing.');
  say('Install them (Debian/Ubuntu: sudo apt-get install -y dbus gnome-keyring), or unlock your keyring, then retry.');
  process.exit(1);
}

// The keyring lives in a fresh folder: an existing login keyring in $HOME would not open with a new
// random password, and a developer's own keyring stays untouched.
const keyringHome = mkdtempSync(join(tmpdir(), 'keyhaven-keyring-'));
const script =
  'printf %s "$KEYHAVEN_KEYRING_PASSWORD" | XDG_DATA_HOME="$KEYHAVEN_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
  'unset KEYHAVEN_KEYRING_PASSWORD; exec "$@"';
const code = await run('dbus-run-session', ['--', 'sh', '-c', script, 'sh', command, ...args], {
  ...env,
  KEYHAVEN_IN_KEYRING_SESSION: '1',
  KEYHAVEN_KEYRING_PASSWORD: randomBytes(24).toString('hex'),
  KEYHAVEN_KEYRING_HOME: keyringHome,
});
rmSync(keyringHome, { recursive: true, force: true });
process.exit(code);
