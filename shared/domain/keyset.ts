import { z } from 'zod';
import { KEYSET_VALID_DAYS_MAX } from './app';
import { idSchema, isoDateSchema } from './text';

/** The names a service reads its two values from (README "Verify keys in your service"). */
export const VERIFY_ENV = { publicKey: 'KEYHAVEN_PUBLIC_KEY', secret: 'KEYHAVEN_SECRET' } as const;

/** Settings → Verification: what the page shows of an app's keyset; the secret only when revealed. */
export const keysetStatusSchema = z.strictObject({
  appId: idSchema,
  /** `<prefix>.keyset.json`: the file name a publish writes. */
  fileName: z.string(),
  /** The app's Ed25519 public key, raw, base64url. Public: safe to show and to commit. */
  publicKey: z.string(),
  sequence: z.number().int().nonnegative(),
  validDays: z.number().int().positive(),
  publishTo: z.string().nullable(),
  publishedAt: isoDateSchema.nullable(),
  publishError: z.string().nullable(),
  /**
   * Apps created before per-app secrets share the folder's pepper: the names of the others whose
   * keys this app's secret would also confirm. Empty for an app with its own secret.
   */
  sharesSecretWith: z.array(z.string()),
});
export type KeysetStatus = z.infer<typeof keysetStatusSchema>;

export const appIdInputSchema = z.strictObject({ appId: idSchema });

export const keysetExportSchema = z.strictObject({ fileName: z.string(), contents: z.string() });

/** What Copy puts on the clipboard: the secret alone, or both `.env` lines. */
export const copyVerifyValuesInputSchema = z.strictObject({ appId: idSchema, what: z.enum(['secret', 'env']) });

export const keysetPublishingInputSchema = z.strictObject({
  appId: idSchema,
  /** null: stop publishing. */
  publishTo: z
    .string()
    .trim()
    .min(1, { error: 'Type the folder to publish to.' })
    .max(4096, { error: 'That folder path is too long.' })
    .nullable()
    .optional(),
  validDays: z
    .number({ error: 'Valid for must be a number of days.' })
    .int({ error: 'Valid for must be a whole number of days.' })
    .min(1, { error: 'Valid for must be at least 1 day.' })
    .max(KEYSET_VALID_DAYS_MAX, { error: `Valid for can be at most ${KEYSET_VALID_DAYS_MAX} days.` })
    .optional(),
});
export type KeysetPublishingInput = z.input<typeof keysetPublishingInputSchema>;
