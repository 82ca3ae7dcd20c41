import { describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../electron/core/api/handlers';
import type { CoreHost } from '../../../electron/core/core-host';
import { CHANNELS } from '../../../shared/ipc/channels';

/**
 * A core whose only member is `issuing`, recording what is called on it: any other member a handler
 * reaches throws, naming it.
 */
function issuingOnlyHost(calls: string[]): CoreHost {
  const issuing = new Proxy(
    {},
    {
      get:
        (_target, method) =>
        (..._args: unknown[]) => {
          calls.push(String(method));
          return null;
        },
    },
  );
  const core = new Proxy(
    {},
    {
      get: (_target, member) => {
        if (member === 'issuing') return issuing;
        throw new Error(`a keys:* handler reached core.${String(member)}`);
      },
    },
  );
  return { core: () => core } as unknown as CoreHost;
}

describe('the keys:* channels', () => {
  it('all go to one object, the issuing service', async () => {
    const calls: string[] = [];
    const handlers: Handlers = createHandlers(issuingOnlyHost(calls));
    const keyChannels = CHANNELS.filter((channel) => channel.startsWith('keys:'));
    expect(keyChannels.length).toBeGreaterThanOrEqual(9);
    for (const channel of keyChannels) {
      const handler = handlers[channel] as (input: unknown) => unknown;
      await handler({ id: 'id', keyId: 'id', appId: 'id', vaultId: 'id', grace: '1h', action: 'shown' });
    }
    expect(calls).toEqual([
      'list',
      'generate',
      'rotate',
      'revoke',
      'recordViewed',
      'verify',
      'saveInVault',
      'copy',
      'discard',
      'update',
      'disable',
      'enable',
      'usagePerDay',
    ]);
  });
});
