import { z } from 'zod';
import {
  deleteEntriesResultSchema,
  entryIdsInputSchema,
  entryListSchema,
  restoreVersionInputSchema,
  tagEntriesInputSchema,
  transferEntriesInputSchema,
  transferResultSchema,
} from '../domain/entry-actions';
import { activityListItemSchema, chainCheckSchema, listActivityInputSchema } from '../domain/activity';
import {
  addScopeInputSchema,
  appSchema,
  appSummarySchema,
  createAppInputSchema,
  removeScopeInputSchema,
  updateAppInputSchema,
  updateScopeInputSchema,
} from '../domain/app';
import {
  generatedKeySchema,
  generateKeyInputSchema,
  issuedKeySummarySchema,
  keyIdInputSchema,
  keyUsageInputSchema,
  keyUsageSchema,
  keyViewedInputSchema,
  listKeysInputSchema,
  revokeKeyInputSchema,
  rotatedKeySchema,
  rotateKeyInputSchema,
  updateKeyInputSchema,
  verifyKeyInputSchema,
  verifyResultSchema,
} from '../domain/issued-key';
import {
  appIdInputSchema,
  copyVerifyValuesInputSchema,
  keysetExportSchema,
  keysetPublishingInputSchema,
  keysetStatusSchema,
} from '../domain/keyset';
import { searchInputSchema, searchResultsSchema } from '../domain/search';
import { dataPartSchema, recoveryInputSchema, startEmptyInputSchema } from '../domain/data-recovery';
import { recoveryResultSchema, systemStatusSchema } from '../domain/system';
import { startTestApiInputSchema, testApiStatusSchema } from '../domain/test-api';
import { idSchema } from '../domain/text';
import {
  CLIPBOARD_OUTCOMES,
  copyEntryInputSchema,
  copyResultSchema,
  createVaultInputSchema,
  deleteVaultResultSchema,
  entryCopyResultSchema,
  entryIdInputSchema,
  entryViewSchema,
  exportResultSchema,
  exportVaultInputSchema,
  importFileInputSchema,
  importInputSchema,
  importPreviewSchema,
  importSummarySchema,
  issuedKeyIdInputSchema,
  listEntriesInputSchema,
  lockVaultsInputSchema,
  newEntryInputSchema,
  renameVaultInputSchema,
  revealedSecretSchema,
  revealEntryInputSchema,
  saveIssuedKeyInputSchema,
  updateEntryInputSchema,
  updateVaultSettingsInputSchema,
  vaultIdInputSchema,
  vaultSettingsSchema,
  vaultSummarySchema,
} from '../domain/vault';
import {
  lockStatusSchema,
  removePassphraseInputSchema,
  setPassphraseInputSchema,
  unlockVaultInputSchema,
} from '../domain/vault-lock';
import type { Channel } from './channels';
import { teamContract } from './team-contract';
import { consoleContract } from './console-contract';
import type { AppEvent } from './events';

const noInput = z.strictObject({});

/**
 * Request and response schema of every channel. `satisfies` makes the compiler reject a channel that
 * is missing here or one that is not in CHANNELS, so the list and the schemas cannot drift apart.
 * Main validates every request against `request`; responses are typed from `response`.
 */
export const contract = {
  'system:status': { request: noInput, response: systemStatusSchema },
  'recovery:restoreBackup': { request: recoveryInputSchema, response: recoveryResultSchema },
  'recovery:startEmpty': { request: startEmptyInputSchema, response: recoveryResultSchema },
  'recovery:retry': { request: recoveryInputSchema, response: recoveryResultSchema },
  'apps:list': { request: noInput, response: z.array(appSummarySchema) },
  'apps:get': { request: z.strictObject({ appId: idSchema }), response: appSchema },
  'apps:create': { request: createAppInputSchema, response: appSchema },
  'apps:update': { request: updateAppInputSchema, response: appSchema },
  'apps:addScope': { request: addScopeInputSchema, response: appSchema },
  'apps:updateScope': { request: updateScopeInputSchema, response: appSchema },
  'apps:removeScope': { request: removeScopeInputSchema, response: appSchema },
  'apps:archive': { request: appIdInputSchema, response: appSchema },
  'apps:delete': { request: appIdInputSchema, response: z.null() },
  'keys:list': { request: listKeysInputSchema, response: z.array(issuedKeySummarySchema) },
  'keys:generate': { request: generateKeyInputSchema, response: generatedKeySchema },
  'keys:rotate': { request: rotateKeyInputSchema, response: rotatedKeySchema },
  'keys:revoke': { request: revokeKeyInputSchema, response: issuedKeySummarySchema },
  'keys:recordViewed': { request: keyViewedInputSchema, response: z.null() },
  'keys:verify': { request: verifyKeyInputSchema, response: verifyResultSchema },
  'keys:saveInVault': { request: saveIssuedKeyInputSchema, response: entryViewSchema },
  'keys:copyPlaintext': { request: issuedKeyIdInputSchema, response: copyResultSchema },
  'keys:discardPlaintext': { request: issuedKeyIdInputSchema, response: z.null() },
  'keys:update': { request: updateKeyInputSchema, response: issuedKeySummarySchema },
  'keys:disable': { request: keyIdInputSchema, response: issuedKeySummarySchema },
  'keys:enable': { request: keyIdInputSchema, response: issuedKeySummarySchema },
  'keys:usage': { request: keyUsageInputSchema, response: keyUsageSchema },
  'keysets:status': { request: appIdInputSchema, response: keysetStatusSchema },
  'keysets:configure': { request: keysetPublishingInputSchema, response: keysetStatusSchema },
  'keysets:export': { request: appIdInputSchema, response: keysetExportSchema },
  'keysets:revealSecret': { request: appIdInputSchema, response: z.strictObject({ secret: z.string() }) },
  'keysets:copy': { request: copyVerifyValuesInputSchema, response: copyResultSchema },
  'vaults:list': { request: noInput, response: z.array(vaultSummarySchema) },
  'vaults:create': { request: createVaultInputSchema, response: vaultSummarySchema },
  'vaults:rename': { request: renameVaultInputSchema, response: vaultSummarySchema },
  'vaults:delete': { request: vaultIdInputSchema, response: deleteVaultResultSchema },
  'vaults:unlock': { request: unlockVaultInputSchema, response: vaultSummarySchema },
  'vaults:lock': { request: lockVaultsInputSchema, response: z.null() },
  'vaults:lockStatus': { request: noInput, response: lockStatusSchema },
  'vaults:setPassphrase': { request: setPassphraseInputSchema, response: z.null() },
  'vaults:removePassphrase': { request: removePassphraseInputSchema, response: z.null() },
  'vaults:settings': { request: noInput, response: vaultSettingsSchema },
  'vaults:updateSettings': { request: updateVaultSettingsInputSchema, response: vaultSettingsSchema },
  'vaults:export': { request: exportVaultInputSchema, response: exportResultSchema },
  'vaults:previewImport': { request: importFileInputSchema, response: importPreviewSchema },
  'vaults:import': { request: importInputSchema, response: importSummarySchema },
  'entries:list': { request: listEntriesInputSchema, response: z.array(entryViewSchema) },
  'entries:add': { request: newEntryInputSchema, response: entryViewSchema },
  'entries:update': { request: updateEntryInputSchema, response: entryViewSchema },
  'entries:delete': { request: entryIdInputSchema, response: z.null() },
  'entries:reveal': { request: revealEntryInputSchema, response: revealedSecretSchema },
  'entries:copy': { request: copyEntryInputSchema, response: entryCopyResultSchema },
  'entries:restore': { request: entryIdInputSchema, response: entryViewSchema },
  'entries:transfer': { request: transferEntriesInputSchema, response: transferResultSchema },
  'entries:deleteMany': { request: entryIdsInputSchema, response: deleteEntriesResultSchema },
  'entries:restoreMany': { request: entryIdsInputSchema, response: entryListSchema },
  'entries:tag': { request: tagEntriesInputSchema, response: entryListSchema },
  'entries:restoreVersion': { request: restoreVersionInputSchema, response: entryViewSchema },
  ...teamContract,
  ...consoleContract,
  'testApi:status': { request: noInput, response: testApiStatusSchema },
  'testApi:start': { request: startTestApiInputSchema, response: testApiStatusSchema },
  'testApi:stop': { request: noInput, response: testApiStatusSchema },
  'activity:list': { request: listActivityInputSchema, response: z.array(activityListItemSchema) },
  'activity:checkChain': { request: noInput, response: chainCheckSchema },
  'search:everything': { request: searchInputSchema, response: searchResultsSchema },
} as const satisfies { [C in Channel]: { request: z.ZodType; response: z.ZodType } };

/** What a caller passes (before defaults and trimming). */
export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** What a handler receives (after validation). */
export type ValidRequestOf<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof contract)[C]['response']>;

/**
 * The payload of every main → page event. Main validates what it sends against these; the page gets
 * them typed. `satisfies` keeps the list (events.ts) and the schemas together, as for channels.
 */
export const eventContract = {
  'vaults:locked': z.strictObject({ reason: z.enum(['idle', 'screen-lock', 'suspend']) }),
  'data:changed': z.strictObject({ parts: z.array(dataPartSchema).min(1) }),
  'clipboard:released': z.strictObject({ copyId: z.uuid(), outcome: z.enum(CLIPBOARD_OUTCOMES) }),
  'activity:counted': z.strictObject({}),
} as const satisfies { [E in AppEvent]: z.ZodType };

export type EventPayload<E extends AppEvent> = z.output<(typeof eventContract)[E]>;
