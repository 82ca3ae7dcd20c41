import type { z } from 'zod';
import './zod-jitless';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Runs a shared schema (the same one main validates with) and keeps the first message per field, so
 * the form says exactly what main would: "App name is required."
 */
export function fieldErrors<F extends string>(
  schema: z.ZodType,
  values: unknown,
  fields: readonly F[],
): FieldErrors<F> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const errors: FieldErrors<F> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (fields as readonly string[]).includes(field) && !errors[field as F]) {
      errors[field as F] = issue.message;
    }
  }
  return errors;
}
