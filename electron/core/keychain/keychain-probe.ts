import type { KeychainStatus } from '../../../shared/domain/system';
import { judgeError } from '../api/error-judge';
import { KeychainUnavailableError, type Keychain } from './keychain';

const PROBE_ACCOUNT = 'probe';

/** Longer than a keychain ever takes to answer a read, short enough that the sidebar is not left empty. */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * One full round trip to the keychain: a read of an account that does not exist, which no keychain
 * answers with an unlock prompt. Tells apart connected, locked (KeychainUnavailableError.locked: the
 * Secret Service answered but its collection is locked) and unavailable (not there, refused, or not
 * answering within `timeoutMs` — a hung D-Bus service must not hold the status, so the read is
 * abandoned, not awaited).
 */
export async function probeKeychain(keychain: Keychain, timeoutMs = PROBE_TIMEOUT_MS): Promise<KeychainStatus> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<KeychainStatus>((resolve) => {
    timer = setTimeout(() => resolve(notAnswering(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([readOnce(keychain), silence]);
  } finally {
    clearTimeout(timer);
  }
}

async function readOnce(keychain: Keychain): Promise<KeychainStatus> {
  try {
    await keychain.get(PROBE_ACCOUNT);
    return { state: 'connected', problem: null };
  } catch (error) {
    const locked = error instanceof KeychainUnavailableError && error.locked;
    return {
      state: locked ? 'locked' : 'unavailable',
      problem: judgeError(error, 'checking the keychain').shown.message,
    };
  }
}

function notAnswering(timeoutMs: number): KeychainStatus {
  return {
    state: 'unavailable',
    problem: `The system keychain is not answering (no reply within ${timeoutMs / 1000} seconds). If a keychain window is open, answer it; otherwise restart your keychain (GNOME Keyring, KWallet) or log in again, then choose Try again.`,
  };
}
