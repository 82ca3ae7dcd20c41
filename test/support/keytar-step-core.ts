// For step scripts run in a child process (a private keyring session, or none at all): the core on the
// real keytar keychain under a test service name, and a call through the API that records what was logged.
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCore, type Core } from '../../electron/core/core';
import { hostOf } from '../../electron/core/core-host';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { MemoryPlatform } from './memory-platform';

export interface StepCore {
  core: Core;
  call: (channel: string, input?: unknown) => ReturnType<typeof dispatch>;
  logged: string[];
}

export async function openStepCore(dataDir: string, service: string): Promise<StepCore> {
  const logged: string[] = [];
  const core = await openCore({
    dataDir,
    keychain: new KeytarKeychain(service),
    platform: new MemoryPlatform(),
    version: 'test',
    logError: (line) => logged.push(line),
  });
  const handlers = createHandlers(hostOf(core));
  const call = (channel: string, input: unknown = {}) =>
    dispatch(handlers, channel, input, (line) => logged.push(line));
  return { core, call, logged };
}
