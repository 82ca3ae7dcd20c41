import { z } from 'zod';
import { EXPIRATION_PRESET_IDS } from '../catalogs/expirations';
import { isoDateSchema } from './text';

/** A key's expiration setting, kept so a rotation can repeat it. */
export const expirationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('preset'), preset: z.enum(EXPIRATION_PRESET_IDS) }),
  z.strictObject({ kind: z.literal('custom'), at: isoDateSchema }),
  z.strictObject({ kind: z.literal('never') }),
]);
export type Expiration = z.infer<typeof expirationSchema>;
