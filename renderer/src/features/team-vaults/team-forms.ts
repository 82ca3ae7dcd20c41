import { z } from 'zod';
import { repoUrlSchema } from '../../../../shared/domain/team-link';
import { fieldErrors, type FieldErrors } from '../../lib/validate';

/**
 * The share and join forms' checks, from the same repository rule main applies; the name is asked
 * (and so checked) only while this data folder has no team identity yet.
 */
export const TEAM_FORM_FIELDS = ['url', 'vaultName', 'memberName'] as const;
export type TeamFormField = (typeof TEAM_FORM_FIELDS)[number];
export type TeamFormValues = Record<TeamFormField, string>;

const memberName = z
  .string()
  .trim()
  .min(1, { error: 'Enter the name your teammates will see.' })
  .max(100, { error: 'Use at most 100 characters.' });
const vaultName = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name for the vault.' })
  .max(100, { error: 'Use at most 100 characters.' });

export function teamFormErrors(
  values: TeamFormValues,
  asks: { vaultName: boolean; memberName: boolean },
): FieldErrors<TeamFormField> {
  const schema = z.object({
    url: repoUrlSchema,
    ...(asks.vaultName ? { vaultName } : {}),
    ...(asks.memberName ? { memberName } : {}),
  });
  return fieldErrors(schema, values, TEAM_FORM_FIELDS);
}

/** A failure that names one of these fields goes under it; others show in the dialog's banner. */
export const isTeamField = (field: string | undefined): field is TeamFormField =>
  (TEAM_FORM_FIELDS as readonly string[]).includes(field ?? '');
