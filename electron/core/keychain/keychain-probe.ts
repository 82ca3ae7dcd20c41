import type { SystemStatus } from '../../../shared/domain/system';
import type { Keychain } from './keychain';

const PROBE_ACCOUNT = 'probe';

/** One full round trip to the keychain (a read of an account that does not exist). */
export async function probeKeychain(keychain: Keychain): Promise<SystemStatus['keychain']> {
  try {
    await keychain.get(PROBE_ACCOUNT);
    return { available: true, problem: null };
  } catch (error) {
    const problem = error instanceof Error ? error.message : 'The system keychain is unavailable.';
    return { available: false, problem };
  }
}
