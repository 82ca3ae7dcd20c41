import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from '../domain/text';
import { consoleRequestSchema, storedRequestSchema } from './request';

/**
 * Collections of saved requests (issue 13): folders nest (a folder without a parent is a collection),
 * saved requests sit in a folder, and both keep an `order` among their siblings so the user's order
 * survives. Requests are stored as history stores them (request.ts): never a typed key, a vault entry
 * only by reference, `{{variables}}` as written.
 */
export const SAVED_MAX = 5000;
export const FOLDERS_MAX = 1000;
export const FOLDER_DEPTH_MAX = 8;
export const SAVED_BODY_MAX_BYTES = 1024 * 1024;
export const SAVED_NAME_MAX = 200;
export const FOLDER_NAME_MAX = 100;

export const folderSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  /** null: a collection (top level). */
  parentId: idSchema.nullable(),
  order: z.number().int().nonnegative(),
  createdAt: isoDateSchema,
});
export type Folder = z.output<typeof folderSchema>;

export const savedRequestSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  folderId: idSchema,
  order: z.number().int().nonnegative(),
  request: storedRequestSchema,
  /** Something that looked like a key (or a credential header's value) was taken out before storing. */
  secretsRemoved: z.boolean(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type SavedRequest = z.output<typeof savedRequestSchema>;

export const collectionsViewSchema = z.strictObject({
  folders: z.array(folderSchema),
  saved: z.array(savedRequestSchema),
});
export type CollectionsView = z.output<typeof collectionsViewSchema>;

export const savedNameSchema = nameSchema('Name', SAVED_NAME_MAX);
export const folderNameSchema = nameSchema('Name', FOLDER_NAME_MAX);

/** Save as: a new saved request. Without a folder it goes to the collection named after the entry's service or host. */
export const saveRequestInputSchema = z.strictObject({
  name: savedNameSchema,
  folderId: idSchema.optional(),
  request: consoleRequestSchema,
});
/** Save: the open saved request takes the edited request (and may be renamed). */
export const updateSavedInputSchema = z.strictObject({
  id: idSchema,
  name: savedNameSchema.optional(),
  request: consoleRequestSchema.optional(),
});
export const savedIdInputSchema = z.strictObject({ id: idSchema });
/** Drag or Move to: into `folderId`, at `index` among its requests (clamped). */
export const moveSavedInputSchema = z.strictObject({
  id: idSchema,
  folderId: idSchema,
  index: z.number().int().nonnegative(),
});

export const createFolderInputSchema = z.strictObject({ name: folderNameSchema, parentId: idSchema.nullable() });
export const renameFolderInputSchema = z.strictObject({ id: idSchema, name: folderNameSchema });
export const moveFolderInputSchema = z.strictObject({
  id: idSchema,
  parentId: idSchema.nullable(),
  index: z.number().int().nonnegative(),
});
export const folderIdInputSchema = z.strictObject({ id: idSchema });
