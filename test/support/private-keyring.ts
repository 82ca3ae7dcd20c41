import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);
const SECRETS = ['--dest', 'org.freedesktop.secrets'];
const DEFAULT_COLLECTION = '/org/freedesktop/secrets/aliases/default';

/**
 * A D-Bus session with its own gnome-keyring, for tests that lock the keyring: locking the one of
 * test/with-keyring.mjs would fail every test file running beside them. Code under test runs in child
 * processes given `env` (libsecret keeps its first connection for the life of a process). Locking is
 * the Secret Service's own Lock call; unlocking is what a login does — gnome-keyring started again
 * with the password (`--replace`) — because its Unlock call needs a prompt window, and there is no
 * display here.
 */
export interface PrivateKeyring {
  /** process.env with this session's bus and no DISPLAY (no prompt can open). */
  env: NodeJS.ProcessEnv;
  lock(): Promise<void>;
  unlock(): Promise<void>;
  /** The default collection's own `Locked` property. */
  isLocked(): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const home = await makeTempDir('keyhaven-private-keyring');
  const password = randomBytes(16).toString('hex');
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await firstLine(bus);
  const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: home.path };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const startKeyring = (extra: string[]) =>
    new Promise<void>((resolve, reject) => {
      const daemon = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets', ...extra], {
        env,
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      daemon.on('error', reject);
      daemon.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`gnome-keyring-daemon exited ${code}`))));
      daemon.stdin.end(password);
    });
  const gdbus = (...args: string[]) => run('gdbus', ['call', '--session', ...SECRETS, ...args], { env });
  const isLocked = async () => {
    const { stdout } = await gdbus(
      '--object-path',
      DEFAULT_COLLECTION,
      '--method',
      'org.freedesktop.DBus.Properties.Get',
      'org.freedesktop.Secret.Collection',
      'Locked',
    );
    return stdout.includes('<true>');
  };
  await startKeyring([]);
  return {
    env,
    isLocked,
    async lock() {
      await gdbus(
        '--object-path',
        '/org/freedesktop/secrets',
        '--method',
        'org.freedesktop.Secret.Service.Lock',
        `['${DEFAULT_COLLECTION}']`,
      );
    },
    async unlock() {
      await startKeyring(['--replace']);
      // The new daemon answers once it owns the bus name; the property says when it has the keyring open.
      while (await isLocked().catch(() => true)) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async stop() {
      bus.kill(); // gnome-keyring-daemon leaves with its bus
      await home.remove();
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`dbus-daemon exited ${code} before giving its address`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const newline = text.indexOf('\n');
      if (newline >= 0) resolve(text.slice(0, newline).trim());
    });
  });
}
