import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from '../domain/text';
import { isSecretReference, parseSecretReference, ReferenceSyntaxError } from '../domain/secret-reference';
import { variableNameSchema } from './variables';

/**
 * Console environments (issue 13): named sets of variables (Local, Staging, Production). A variable
 * is plain text, kept in console.json, or a `kh://vault/entry[/field]` reference, the same as the
 * command line's: main reads the vault entry at send time and the renderer only ever sees the
 * reference. A plain value that looks like a key is refused, so no key lands in console.json.
 */
export const ENVIRONMENTS_MAX = 50;
export const VARIABLES_MAX = 200;
export const VARIABLE_VALUE_MAX = 4096;

// Keyhaven's own key format (key-format.ts), a little wider: pyas_n58lZyBi.<32+ characters>.
const KEYHAVEN_KEY = /\b[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\.[0-9A-Za-z]{32,64}\b/;
// Prefixes of well-known providers' secret keys.
const PROVIDER_KEY = /^(sk|rk)_(live|test)_|^sk-|^gh[pousr]_|^xox[abprs]-|^AKIA[0-9A-Z]{16}$|^glpat-/;
const SECRET_NAME = /key|token|secret|passw|auth|credential/i;

/** Why a plain value must be a vault reference instead, or null when it may be kept as text. */
export function plainValueProblem(name: string, value: string): string | null {
  const looksLikeKey =
    KEYHAVEN_KEY.test(value) ||
    PROVIDER_KEY.test(value) ||
    (SECRET_NAME.test(name) && value.length >= 16 && !/\s/.test(value) && !value.includes('{{'));
  return looksLikeKey
    ? `The value of ${name} looks like a key. Keep the key in a vault and write its reference here (kh://vault/entry).`
    : null;
}

export const environmentVariableSchema = z
  .strictObject({
    name: variableNameSchema,
    value: z
      .string()
      .max(VARIABLE_VALUE_MAX, { error: `A variable's value can be at most ${VARIABLE_VALUE_MAX} characters.` })
      // A line break would end a header line.
      .refine((value) => !/[\r\n\0]/.test(value), { error: "A variable's value cannot contain line breaks." }),
  })
  .superRefine((variable, ctx) => {
    if (isSecretReference(variable.value)) {
      try {
        parseSecretReference(variable.value);
      } catch (error) {
        if (!(error instanceof ReferenceSyntaxError)) throw error;
        ctx.addIssue({ code: 'custom', path: ['value'], message: error.message });
      }
      return;
    }
    const problem = plainValueProblem(variable.name, variable.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type EnvironmentVariable = z.output<typeof environmentVariableSchema>;

const variablesSchema = z
  .array(environmentVariableSchema)
  .max(VARIABLES_MAX, { error: `An environment can have at most ${VARIABLES_MAX} variables.` })
  .superRefine((variables, ctx) => {
    const seen = new Set<string>();
    variables.forEach((variable, index) => {
      if (seen.has(variable.name))
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `${variable.name} is defined twice.` });
      seen.add(variable.name);
    });
  });

export const environmentNameSchema = nameSchema('Name', 60);

export const environmentSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  variables: variablesSchema,
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type Environment = z.output<typeof environmentSchema>;

export const environmentsViewSchema = z.strictObject({
  environments: z.array(environmentSchema),
  activeId: idSchema.nullable(),
});
export type EnvironmentsView = z.output<typeof environmentsViewSchema>;

export const createEnvironmentInputSchema = z.strictObject({
  name: environmentNameSchema,
  variables: variablesSchema.default([]),
});
export const updateEnvironmentInputSchema = z.strictObject({
  id: idSchema,
  name: environmentNameSchema.optional(),
  variables: variablesSchema.optional(),
});
export const environmentIdInputSchema = z.strictObject({ id: idSchema });
export const selectEnvironmentInputSchema = z.strictObject({ id: idSchema.nullable() });

/** Whether a variable's value is read from a vault at send time. */
export const isReferenceValue = (value: string): boolean => isSecretReference(value);
