/**
 * Every IPC channel of Keyhaven, by name (`domain:verb`). The one list the preload, main, the browser
 * harness and the tests are built from. Dependency-free on purpose: the sandboxed preload bundles it and
 * nothing else. Request/response schemas for each name live in `contract.ts`, which the compiler forces
 * to cover exactly this list.
 */
export const CHANNELS = [
  'system:status',
  'recovery:restoreBackup',
  'recovery:startEmpty',
  'recovery:retry',
  'apps:list',
  'apps:get',
  'apps:create',
  'apps:update',
  'apps:addScope',
  'apps:updateScope',
  'apps:removeScope',
  'apps:archive',
  'apps:delete',
  'keys:list',
  'keys:generate',
  'keys:rotate',
  'keys:revoke',
  'keys:recordViewed',
  'keys:verify',
  'keys:saveInVault',
  'keys:copyPlaintext',
  'keys:discardPlaintext',
  'keys:update',
  'keys:disable',
  'keys:enable',
  'keys:usage',
  'keysets:status',
  'keysets:configure',
  'keysets:export',
  'keysets:revealSecret',
  'keysets:copy',
  'vaults:list',
  'vaults:create',
  'vaults:rename',
  'vaults:delete',
  'vaults:unlock',
  'vaults:lock',
  'vaults:lockStatus',
  'vaults:setPassphrase',
  'vaults:removePassphrase',
  'vaults:settings',
  'vaults:updateSettings',
  'vaults:export',
  'vaults:previewImport',
  'vaults:import',
  'entries:list',
  'entries:add',
  'entries:update',
  'entries:delete',
  'entries:reveal',
  'entries:copy',
  'console:sendRequest',
  'console:cancel',
  'console:snippet',
  'console:history',
  'console:historyItem',
  'console:deleteHistory',
  'console:clearHistory',
  'console:collections',
  'console:save',
  'console:updateSaved',
  'console:moveSaved',
  'console:deleteSaved',
  'console:createFolder',
  'console:renameFolder',
  'console:moveFolder',
  'console:deleteFolder',
  'console:environments',
  'console:createEnvironment',
  'console:updateEnvironment',
  'console:deleteEnvironment',
  'console:selectEnvironment',
  'console:previewImport',
  'console:importCollection',
  'console:exportCollection',
  'testApi:status',
  'testApi:start',
  'testApi:stop',
  'activity:list',
  'activity:checkChain',
] as const;

export type Channel = (typeof CHANNELS)[number];

export type ChannelDomain<C extends Channel> = C extends `${infer D}:${string}` ? D : never;
export type ChannelMethod<C extends Channel> = C extends `${string}:${infer M}` ? M : never;

/** Splits `apps:create` into `['apps', 'create']`; the shape of `window.keyhaven.apps.create`. */
export function splitChannel(channel: Channel): [domain: string, method: string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}
