import { z } from 'zod';
import {
  addTeamMemberInputSchema,
  createTeamIdentityInputSchema,
  joinTeamInputSchema,
  removeTeamMemberInputSchema,
  rotateExposedInputSchema,
  rotateExposedResultSchema,
  shareTeamInputSchema,
  teamIdentityViewSchema,
  teamRemovalResultSchema,
  teamSyncResultSchema,
  teamVaultStatusSchema,
} from '../domain/team-link';
import { vaultIdInputSchema } from '../domain/vault';

/** The team vault channels (issue 15), spread into the one contract. */
export const teamContract = {
  'teams:identity': { request: z.strictObject({}), response: teamIdentityViewSchema.nullable() },
  'teams:createIdentity': { request: createTeamIdentityInputSchema, response: teamIdentityViewSchema },
  'teams:status': { request: vaultIdInputSchema, response: teamVaultStatusSchema },
  'teams:share': { request: shareTeamInputSchema, response: teamVaultStatusSchema },
  'teams:join': { request: joinTeamInputSchema, response: teamVaultStatusSchema },
  'teams:sync': { request: vaultIdInputSchema, response: teamSyncResultSchema },
  'teams:addMember': { request: addTeamMemberInputSchema, response: teamVaultStatusSchema },
  'teams:removeMember': { request: removeTeamMemberInputSchema, response: teamRemovalResultSchema },
  'teams:rotateExposed': { request: rotateExposedInputSchema, response: rotateExposedResultSchema },
} as const;
