import type { GenerateKey } from '../../electron/core/keys/key-service';

/** A complete generate request with sensible defaults: 1 year, one scope. */
export function generateInput(appId: string, overrides: Partial<GenerateKey> = {}): GenerateKey {
  return {
    appId,
    name: 'Production',
    expiration: { kind: 'preset', preset: '1y' },
    scopes: ['read:items'],
    ...overrides,
  };
}
