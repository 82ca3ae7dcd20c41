import { randomBytes } from 'node:crypto';
import { CoreError } from '../errors';
import type { Keychain } from '../keychain/keychain';

const PEPPER_BYTES = 32;

/**
 * The pepper lives in the OS keychain under an account named after the data folder's installation id,
 * so two data folders (a test profile, a second user profile) never share or overwrite each other's.
 */
export const pepperAccount = (installationId: string): string => `pepper:${installationId}`;

/**
 * Reads the pepper; creates one only while no key has been issued. If keys exist but the pepper is
 * gone (a data folder copied from another machine, a wiped keychain), it refuses rather than quietly
 * starting a new pepper that would make every existing key unverifiable without anyone noticing.
 */
export async function loadPepper(keychain: Keychain, installationId: string, keysExist: boolean): Promise<Buffer> {
  const account = pepperAccount(installationId);
  const stored = await keychain.get(account);
  if (stored !== null) {
    const pepper = Buffer.from(stored, 'base64');
    if (pepper.length === PEPPER_BYTES) return pepper;
    throw missing('is damaged');
  }
  if (keysExist) throw missing('is missing');
  const pepper = randomBytes(PEPPER_BYTES);
  await keychain.set(account, pepper.toString('base64'));
  return pepper;
}

function missing(state: string): CoreError {
  return new CoreError(
    'KEYCHAIN_DATA_MISSING',
    `The secret Keyhaven uses to check your issued keys ${state} in the system keychain. This happens when a data folder is copied from another computer or the keychain was reset. Keys issued before cannot be verified here; nothing was changed.`,
  );
}
