import type { Channel } from '../../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../../shared/ipc/contract';
import type { CoreHost } from '../core-host';
import { copyVerifyValues } from '../keysets/copy-verify-values';
import { searchEverything } from '../search/search-everything';
import { exportFileName } from '../vaults/export-file-name';
import { rotateExposedIssuedKeys } from '../team/link/rotate-exposed';

export type Handler<C extends Channel> = (input: ValidRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * One handler per channel, each a thin call into the core; a domain's channels go to one object
 * (every `keys:*` to the issuing service). Input arrives already validated against
 * the contract (see dispatch.ts); the mapped type makes a missing channel a compile error. The core and
 * its vaults are looked up per call: while a data file cannot be opened, that lookup answers with the
 * problem (PartUnavailableError), and after a recovery the same handlers reach the reopened data.
 */
export function createHandlers(host: CoreHost): Handlers {
  const core = () => host.core();
  const vaults = () => core().vaults.vaults;
  const entries = () => core().vaults.entries;
  const transfer = () => core().vaults.transfer;
  // What the user does with vault keys is recorded in the activity log (vaults/recorded-vault-actions.ts).
  const recorded = () => core().vaultActions;
  return {
    'system:status': () => host.status(),
    'recovery:restoreBackup': ({ part }) => host.restoreBackup(part),
    'recovery:startEmpty': ({ part }) => host.startEmpty(part),
    'recovery:retry': ({ part }) => host.retry(part),
    'apps:list': () => core().apps.list(),
    'apps:get': ({ appId }) => core().apps.get(appId),
    'apps:create': (input) => core().apps.create(input),
    'apps:update': (input) => core().apps.update(input),
    'apps:addScope': (input) => core().scopes.add(input),
    'apps:updateScope': (input) => core().scopes.rename(input),
    'apps:removeScope': ({ appId, scopeId }) => core().scopes.remove(appId, scopeId),
    'apps:archive': ({ appId }) => core().appRetirement.archive(appId),
    'apps:delete': ({ appId }) => core().appRetirement.delete(appId),
    'keys:list': ({ appId }) => core().issuing.list(appId),
    'keys:generate': ({ noScopes: _noScopes, ...input }) => core().issuing.generate(input),
    'keys:rotate': ({ id, grace }) => core().issuing.rotate(id, grace),
    'keys:revoke': ({ id }) => core().issuing.revoke(id),
    'keys:recordViewed': ({ id, action }) => core().issuing.recordViewed(id, action),
    'keys:verify': ({ headerValue, scheme, requiredScope }) =>
      core().issuing.verify(headerValue, scheme, requiredScope),
    'keys:saveInVault': ({ keyId, vaultId }) => core().issuing.saveInVault(keyId, vaultId),
    'keys:copyPlaintext': ({ keyId }) => core().issuing.copy(keyId),
    'keys:discardPlaintext': ({ keyId }) => core().issuing.discard(keyId),
    'keys:update': (change) => core().issuing.update(change),
    'keys:disable': ({ id }) => core().issuing.disable(id),
    'keys:enable': ({ id }) => core().issuing.enable(id),
    'keys:usage': ({ id, utcOffsetMinutes }) => core().issuing.usagePerDay(id, utcOffsetMinutes),
    'keysets:status': ({ appId }) => core().keysets.status(appId),
    'keysets:configure': (input) => core().keysets.configure(input),
    'keysets:export': async ({ appId }) => {
      const contents = await core().keysets.export(appId, 'exported from Settings');
      return { fileName: (await core().keysets.status(appId)).fileName, contents };
    },
    'keysets:revealSecret': async ({ appId }) => ({
      secret: await core().keysets.revealSecret(appId, 'shown in Settings'),
    }),
    'keysets:copy': ({ appId, what }) => copyVerifyValues(core(), appId, what),
    'vaults:list': () => vaults().listVaults(),
    'vaults:create': ({ name }) => recorded().createVault(name),
    'vaults:rename': ({ vaultId, name }) => recorded().renameVault(vaultId, name),
    'vaults:delete': async ({ vaultId }) => {
      const deletedEntries = await recorded().deleteVault(vaultId);
      await core().teams.forget(vaultId); // a team vault's working copy goes with it (the team's repository stays)
      return { deletedEntries };
    },
    'vaults:unlock': ({ vaultId, passphrase }) => recorded().unlock(vaultId, passphrase),
    'vaults:lock': ({ vaultId }) => recorded().lock(vaultId),
    'vaults:lockStatus': () => core().lockStatus(),
    'vaults:setPassphrase': async (input) => (await core().vaults.passphrase.set(input), null),
    'vaults:removePassphrase': async (input) => (await core().vaults.passphrase.remove(input), null),
    'vaults:settings': () => vaults().settings(),
    'vaults:updateSettings': (input) => vaults().updateSettings(input),
    'vaults:export': async ({ vaultId, entryIds, passphrase }) => {
      const { file, entryCount } = await recorded().exportVault(vaultId, passphrase, entryIds);
      const name = vaults().summary(vaultId).name;
      return { fileName: exportFileName(name, core().clock.now()), contents: file.toString('utf8'), entryCount };
    },
    'vaults:previewImport': ({ vaultId, contents, passphrase }) =>
      transfer().previewImport(vaultId, Buffer.from(contents, 'utf8'), passphrase),
    'vaults:import': ({ vaultId, contents, passphrase, choices }) =>
      recorded().importInto(vaultId, Buffer.from(contents, 'utf8'), passphrase, { choices }),
    'entries:list': ({ vaultId }) => entries().listEntries(vaultId),
    'entries:add': (input) => recorded().addEntry(input),
    'entries:update': (input) => recorded().update(input),
    'entries:delete': ({ entryId }) => recorded().deleteEntry(entryId),
    'entries:restore': ({ entryId }) => recorded().restoreEntry(entryId),
    'entries:reveal': ({ entryId, version }) => recorded().reveal(entryId, version),
    'entries:copy': ({ entryId, format, version }) => recorded().copy(entryId, format, version),
    'entries:transfer': (input) => core().entryActions.transfer(input),
    'entries:deleteMany': ({ entryIds }) => core().entryActions.deleteMany(entryIds),
    'entries:restoreMany': ({ entryIds }) => core().entryActions.restoreMany(entryIds),
    'entries:tag': (input) => core().entryActions.tag(input),
    'entries:restoreVersion': (input) => core().entryActions.restoreVersion(input),
    'teams:identity': () => core().teamIdentity.view(),
    'teams:createIdentity': ({ name }) => core().teamIdentity.create(name),
    'teams:status': ({ vaultId }) => core().teams.status(vaultId),
    'teams:share': ({ vaultId, url, memberName }) => core().teams.share(vaultId, url, memberName),
    'teams:join': ({ url, vaultName, memberName }) => core().teams.join(url, vaultName, memberName),
    'teams:sync': ({ vaultId }) => core().teams.sync(vaultId),
    'teams:addMember': ({ vaultId, line, readOnly }) => core().teams.addMember(vaultId, line, { readOnly }),
    'teams:removeMember': ({ vaultId, member }) => core().teams.removeMember(vaultId, member),
    'teams:rotateExposed': ({ vaultId, grace }) =>
      rotateExposedIssuedKeys(core().vaults, (id, period) => core().issuing.rotate(id, period), vaultId, grace),
    'console:sendRequest': ({ requestId, request }) => core().console.send(requestId, request),
    'console:cancel': ({ requestId }) => core().console.cancel(requestId),
    'console:snippet': (input) => core().console.snippet(input),
    'console:history': async ({ limit }) => {
      await core().console.history.settled();
      return core().console.history.summaries(limit);
    },
    'console:historyItem': async ({ id }) => {
      await core().console.history.settled();
      return core().console.history.get(id);
    },
    'console:deleteHistory': async ({ id }) => {
      await core().console.history.remove(id);
      return null;
    },
    'console:clearHistory': () => core().console.history.clear(),
    'console:collections': () => core().console.collections.view(),
    'console:save': (input) => core().console.saveRequest(input),
    'console:updateSaved': (input) => core().console.updateSaved(input),
    'console:moveSaved': ({ id, folderId, index }) => core().console.collections.moveSaved(id, folderId, index),
    'console:deleteSaved': async ({ id }) => {
      await core().console.collections.deleteSaved(id);
      return null;
    },
    'console:createFolder': ({ name, parentId }) => core().console.collections.createFolder(name, parentId),
    'console:renameFolder': ({ id, name }) => core().console.collections.renameFolder(id, name),
    'console:moveFolder': ({ id, parentId, index }) => core().console.collections.moveFolder(id, parentId, index),
    'console:deleteFolder': ({ id }) => core().console.collections.deleteFolder(id),
    'console:environments': () => core().console.environments.view(),
    'console:createEnvironment': ({ name, variables }) => core().console.environments.create(name, variables),
    'console:updateEnvironment': ({ id, ...change }) => core().console.environments.update(id, change),
    'console:deleteEnvironment': async ({ id }) => {
      await core().console.environments.remove(id);
      return null;
    },
    'console:selectEnvironment': ({ id }) => core().console.environments.select(id),
    'console:previewImport': ({ source }) => core().console.previewImport(source),
    'console:importCollection': ({ source, entryId }) => core().console.importCollection(source, entryId),
    'console:exportCollection': ({ folderId }) => core().console.exportCollection(folderId),
    'testApi:status': () => core().testApi.status(),
    'testApi:start': ({ port }) => core().testApi.start(port),
    'testApi:stop': () => core().testApi.stop(),
    'activity:list': (query) => core().activity.list(query),
    'activity:checkChain': () => core().activity.check(),
    'search:everything': ({ query }) => searchEverything(core(), query),
  };
}
