import { z } from 'zod';
import { idSchema } from '../domain/text';

/**
 * Importing and exporting collections (issue 13) as the page and main exchange them. The page reads
 * what the user picked (a file, or a Bruno folder's files) and sends the text; main never opens a
 * path the page names. An import never brings a key in; an export never takes one out.
 */
export const IMPORT_TEXT_MAX = 20 * 1024 * 1024;
export const IMPORT_FILES_MAX = 2000;

export const importSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    name: z.string().max(255),
    text: z.string().max(IMPORT_TEXT_MAX, { error: 'This file is larger than 20 MB; Keyhaven does not import it.' }),
  }),
  z.strictObject({
    kind: z.literal('folder'),
    files: z
      .array(z.strictObject({ path: z.string().min(1).max(1024), text: z.string().max(2 * 1024 * 1024) }))
      .min(1, { error: 'The folder is empty.' })
      .max(IMPORT_FILES_MAX, {
        error: `This folder holds more than ${IMPORT_FILES_MAX} files; is it a Bruno collection?`,
      }),
  }),
]);
export type ImportSource = z.output<typeof importSourceSchema>;

export const IMPORT_FORMAT_LABELS = {
  postman: 'Postman collection',
  insomnia: 'Insomnia export',
  bruno: 'Bruno collection',
  openapi: 'OpenAPI document',
  keyhaven: 'Keyhaven collection',
} as const;

export const importPreviewSchema = z.strictObject({
  format: z.enum(['postman', 'insomnia', 'bruno', 'openapi', 'keyhaven']),
  name: z.string(),
  folders: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  environments: z.array(z.string()),
  notes: z.array(z.string()),
  /** Requests that send a key (as `{{variable}}`): a vault entry can be chosen for them. */
  requestsWithAuth: z.number().int().nonnegative(),
  /** An OpenAPI document's security schemes, described for the user. */
  securitySchemes: z.array(z.strictObject({ id: z.string(), description: z.string(), sendable: z.boolean() })),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const previewImportInputSchema = z.strictObject({ source: importSourceSchema });
export const importCollectionInputSchema = z.strictObject({
  source: importSourceSchema,
  /** The vault entry whose key the requests that need one send (each keeps its own scheme); null: `{{variable}}` rows. */
  entryId: idSchema.nullable(),
});

export const importResultSchema = z.strictObject({
  collectionId: idSchema,
  name: z.string(),
  folders: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  environments: z.array(z.string()),
  notes: z.array(z.string()),
});
export type ImportResult = z.output<typeof importResultSchema>;

export const exportCollectionInputSchema = z.strictObject({ folderId: idSchema });
export const exportResultSchema = z.strictObject({ fileName: z.string(), text: z.string() });
