import { z } from 'zod';
import {
  collectionsViewSchema,
  createFolderInputSchema,
  folderIdInputSchema,
  folderSchema,
  moveFolderInputSchema,
  moveSavedInputSchema,
  renameFolderInputSchema,
  savedIdInputSchema,
  savedRequestSchema,
  saveRequestInputSchema,
  updateSavedInputSchema,
} from '../console/collections';
import {
  createEnvironmentInputSchema,
  environmentIdInputSchema,
  environmentSchema,
  environmentsViewSchema,
  selectEnvironmentInputSchema,
  updateEnvironmentInputSchema,
} from '../console/environments';
import {
  exportCollectionInputSchema,
  exportResultSchema,
  importCollectionInputSchema,
  importPreviewSchema,
  importResultSchema,
  previewImportInputSchema,
} from '../console/transfer';
import {
  historyIdInputSchema,
  historyItemSchema,
  historyListInputSchema,
  historySummarySchema,
} from '../console/history';
import {
  cancelConsoleInputSchema,
  cancelConsoleResultSchema,
  consoleResponseSchema,
  sendConsoleInputSchema,
  snippetInputSchema,
  snippetResultSchema,
} from '../console/request';

const noInput = z.strictObject({});

/** The request console's channels (issues 5, 13), part of contract.ts. */
export const consoleContract = {
  'console:sendRequest': { request: sendConsoleInputSchema, response: consoleResponseSchema },
  'console:cancel': { request: cancelConsoleInputSchema, response: cancelConsoleResultSchema },
  'console:snippet': { request: snippetInputSchema, response: snippetResultSchema },
  'console:history': { request: historyListInputSchema, response: z.array(historySummarySchema) },
  'console:historyItem': { request: historyIdInputSchema, response: historyItemSchema },
  'console:deleteHistory': { request: historyIdInputSchema, response: z.null() },
  'console:clearHistory': { request: noInput, response: z.strictObject({ cleared: z.number().int().nonnegative() }) },
  'console:collections': { request: noInput, response: collectionsViewSchema },
  'console:save': { request: saveRequestInputSchema, response: savedRequestSchema },
  'console:updateSaved': { request: updateSavedInputSchema, response: savedRequestSchema },
  'console:moveSaved': { request: moveSavedInputSchema, response: savedRequestSchema },
  'console:deleteSaved': { request: savedIdInputSchema, response: z.null() },
  'console:createFolder': { request: createFolderInputSchema, response: folderSchema },
  'console:renameFolder': { request: renameFolderInputSchema, response: folderSchema },
  'console:moveFolder': { request: moveFolderInputSchema, response: folderSchema },
  'console:deleteFolder': {
    request: folderIdInputSchema,
    response: z.strictObject({ folders: z.number().int(), requests: z.number().int() }),
  },
  'console:environments': { request: noInput, response: environmentsViewSchema },
  'console:createEnvironment': { request: createEnvironmentInputSchema, response: environmentSchema },
  'console:updateEnvironment': { request: updateEnvironmentInputSchema, response: environmentSchema },
  'console:deleteEnvironment': { request: environmentIdInputSchema, response: z.null() },
  'console:selectEnvironment': { request: selectEnvironmentInputSchema, response: environmentsViewSchema },
  'console:previewImport': { request: previewImportInputSchema, response: importPreviewSchema },
  'console:importCollection': { request: importCollectionInputSchema, response: importResultSchema },
  'console:exportCollection': { request: exportCollectionInputSchema, response: exportResultSchema },
} as const;
