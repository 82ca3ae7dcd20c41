import { z } from 'zod';
import { idSchema } from './text';
import { entryMetadataSchema, entryViewSchema } from './vault';

/**
 * What the Vaults screen does to several entries at once, and to one entry's history (issue 14,
 * item 6): move or copy to another vault, delete with Undo, add and remove tags, restore a version.
 */

/** A selection can be the whole of a large vault; more than this is not a selection a person made. */
export const BULK_MAX = 10_000;

const entryIdsSchema = z
  .array(idSchema)
  .min(1, { error: 'Select at least one entry.' })
  .max(BULK_MAX, { error: `Select at most ${BULK_MAX.toLocaleString('en')} entries at once.` });

export const TRANSFER_MODES = ['move', 'copy'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/**
 * Move or copy entries into another vault: both vaults must be unlocked (the keys are opened with one
 * vault's key and sealed with the other's). A name already taken in the target gets " (2)", " (3)"….
 */
export const transferEntriesInputSchema = z.strictObject({
  entryIds: entryIdsSchema,
  toVaultId: idSchema,
  mode: z.enum(TRANSFER_MODES),
});
export type TransferEntriesInput = z.input<typeof transferEntriesInputSchema>;
/** The entries as they now are in the target vault (a move keeps their ids; a copy has new ones). */
export const transferResultSchema = z.strictObject({ entries: z.array(entryViewSchema) });
export type TransferResult = z.output<typeof transferResultSchema>;

export const entryIdsInputSchema = z.strictObject({ entryIds: entryIdsSchema });
export const deleteEntriesResultSchema = z.strictObject({ deleted: z.number().int().nonnegative() });

const tagListSchema = entryMetadataSchema.shape.tags;
/** Bulk tag: every chosen entry gains `add` and loses `remove` (matched without regard to case). */
export const tagEntriesInputSchema = z
  .strictObject({ entryIds: entryIdsSchema, add: tagListSchema, remove: tagListSchema })
  .refine((input) => input.add.length + input.remove.length > 0, { error: 'Name a tag to add or remove.' })
  .refine(
    (input) => {
      const removing = new Set(input.remove.map((tag) => tag.toLowerCase()));
      return !input.add.some((tag) => removing.has(tag.toLowerCase()));
    },
    { error: 'A tag cannot be both added and removed.' },
  );
export type TagEntriesInput = z.input<typeof tagEntriesInputSchema>;

/** Restore: a kept previous version becomes the current key; the current one moves to history. */
export const restoreVersionInputSchema = z.strictObject({
  entryId: idSchema,
  version: z.number().int().positive(),
});

export const entryListSchema = z.array(entryViewSchema);
