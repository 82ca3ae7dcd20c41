import { execFile } from 'node:child_process';

/**
 * Whether the Secret Service's default collection (gnome-keyring's login keyring, KWallet's) is
 * locked, read from its `Locked` property over D-Bus. keytar cannot tell: on a locked collection a
 * read of a missing account answers null, a read of a stored one raises an unlock prompt (or, with
 * nobody to answer it, answers null as if the key were gone), and a write fails with "Cannot create
 * an item in a locked collection". `dbus-send` ships with D-Bus itself, so wherever there is a
 * session bus it is there; the argv is fixed and nothing the user typed reaches it.
 */
const READ_LOCKED = [
  '--session',
  '--print-reply',
  '--reply-timeout=2000',
  '--dest=org.freedesktop.secrets',
  '/org/freedesktop/secrets/aliases/default',
  'org.freedesktop.DBus.Properties.Get',
  'string:org.freedesktop.Secret.Collection',
  'string:Locked',
];

/** Bounds the child process too: a bus that never answers must not hold the status probe. */
const CHILD_TIMEOUT_MS = 3_000;

/**
 * True only when the collection says it is locked. Anything else — no Secret Service, no default
 * collection, no `dbus-send`, no answer — is false: keytar's own call then fails with its reason.
 */
export function secretServiceLocked(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('dbus-send', READ_LOCKED, { timeout: CHILD_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error === null && /\bboolean true\b/.test(stdout));
    });
  });
}
