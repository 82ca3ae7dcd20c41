import { describe, expect, it } from 'vitest';
import { probeKeychain } from '../../../electron/core/keychain/keychain-probe';
import { LOCKED_KEYCHAIN_ADVICE, type Keychain } from '../../../electron/core/keychain/keychain';
import { MemoryKeychain } from '../../support/memory-keychain';

describe('the keychain probe', () => {
  it('tells connected, locked and unavailable apart, each with what to do', async () => {
    const keychain = new MemoryKeychain();
    expect(await probeKeychain(keychain)).toEqual({ state: 'connected', problem: null });
    keychain.locked = true;
    expect(await probeKeychain(keychain)).toEqual({ state: 'locked', problem: LOCKED_KEYCHAIN_ADVICE });
    keychain.locked = false;
    keychain.unavailable = true;
    expect(await probeKeychain(keychain)).toEqual({
      state: 'unavailable',
      problem: expect.stringContaining('Install and start one such as GNOME Keyring') as string,
    });
  });

  it('reports a keychain that never answers as not answering instead of waiting for it', async () => {
    const silent: Keychain = {
      get: () => new Promise<never>(() => undefined),
      set: () => new Promise<never>(() => undefined),
      delete: () => new Promise<never>(() => undefined),
    };
    const status = await probeKeychain(silent, 20);
    expect(status.state).toBe('unavailable');
    expect(status.problem).toMatch(/^The system keychain is not answering \(no reply within 0\.02 seconds\)\./);
    expect(status.problem).toContain('then choose Try again');
  });

  it('shows an unforeseen failure only as a reference, never its text', async () => {
    const broken: Keychain = {
      get: () => Promise.reject(new Error('libsecret said sk_live_leaked')),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(false),
    };
    const status = await probeKeychain(broken);
    expect(status.state).toBe('unavailable');
    expect(status.problem).toMatch(/^Something went wrong in Keyhaven \(reference [0-9a-f]{8}\)/);
    expect(status.problem).not.toContain('sk_live');
  });
});
