import { z } from 'zod';
import { headerSchemeSchema, type HeaderScheme } from '../../../../shared/catalogs/service-presets';
import {
  CONSOLE_METHODS,
  consoleBodySchema,
  type ConsoleBody,
  type ConsoleMethod,
} from '../../../../shared/console/request';

/**
 * The neutral tree every importer produces and every exporter reads, so N formats need N converters
 * instead of N×N. It never carries a key: credentials travel as `{{variable}}` references, and what an
 * import had to leave out is told to the user in `notes`.
 */
export const TRANSFER_FORMATS = ['postman', 'insomnia', 'bruno', 'openapi', 'keyhaven'] as const;
export type TransferFormat = (typeof TRANSFER_FORMATS)[number];

export interface TransferRow {
  name: string;
  value: string;
  enabled: boolean;
}

/** `scheme`: send the value of `{{variable}}` with this scheme. The key itself never comes through an import. */
export type TransferAuth = { kind: 'none' } | { kind: 'scheme'; scheme: HeaderScheme; variable: string };

export interface TransferRequest {
  name: string;
  method: ConsoleMethod;
  /** Without its query string (that is in `query`); may hold `{{variables}}`: `{{baseUrl}}/v1/items`. */
  url: string;
  query: TransferRow[];
  headers: TransferRow[];
  body: ConsoleBody;
  auth: TransferAuth;
}

export interface TransferFolder {
  name: string;
  folders: TransferFolder[];
  requests: TransferRequest[];
}

export interface TransferVariable {
  name: string;
  value: string;
}

export interface TransferEnvironment {
  name: string;
  variables: TransferVariable[];
}

export interface TransferCollection {
  format: TransferFormat;
  name: string;
  root: TransferFolder;
  environments: TransferEnvironment[];
  /** Plain sentences for the user about what was changed or left out. */
  notes: string[];
}

/**
 * Bounds on what an import may produce: a collection file is chosen by the user but written by anyone,
 * and a hostile one must not exhaust memory or the stack.
 */
export const TRANSFER_LIMITS = {
  /** Text of one imported file (a Postman export of a large API is a few MB). */
  fileBytes: 20 * 1024 * 1024,
  requests: 5_000,
  /** Folder nesting: real collections are a handful deep; recursion is bounded by this. */
  depth: 32,
  environments: 100,
  variables: 1_000,
} as const;

const rowSchema = z.strictObject({ name: z.string(), value: z.string(), enabled: z.boolean() });

export const transferAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('scheme'), scheme: headerSchemeSchema, variable: z.string().min(1) }),
]);

export const transferRequestSchema = z.strictObject({
  name: z.string(),
  method: z.enum(CONSOLE_METHODS),
  url: z.string(),
  query: z.array(rowSchema),
  headers: z.array(rowSchema),
  body: consoleBodySchema,
  auth: transferAuthSchema,
});

export const transferFolderSchema: z.ZodType<TransferFolder> = z.strictObject({
  name: z.string(),
  get folders() {
    return z.array(transferFolderSchema);
  },
  requests: z.array(transferRequestSchema),
});

export const transferCollectionSchema = z.strictObject({
  format: z.enum(TRANSFER_FORMATS),
  name: z.string(),
  root: transferFolderSchema,
  environments: z.array(
    z.strictObject({
      name: z.string(),
      variables: z.array(z.strictObject({ name: z.string(), value: z.string() })),
    }),
  ),
  notes: z.array(z.string()),
});
