import type { Scope } from '../domain/app';

/** The default scope catalog of a new app: the nine scopes of the Cerby wizard (seeds/003). */
export const DEFAULT_SCOPES: readonly Scope[] = [
  { id: 'read:activities', label: 'Read activities', description: 'Enables reading activity data.' },
  { id: 'read:items', label: 'Read items', description: 'Enables reading account, secret, and collection data.' },
  { id: 'read:accounts', label: 'Read accounts', description: 'Enables reading account data.' },
  { id: 'read:secrets', label: 'Read secrets', description: 'Enables reading secret data.' },
  { id: 'read:users', label: 'Read users', description: 'Enables reading user and team data.' },
  {
    id: 'read:integrations',
    label: 'Read integrations',
    description: 'Enables reading integration and entitlement data.',
  },
  {
    id: 'write:integrations',
    label: 'Write integrations',
    description: 'Enables writing integration and entitlement data.',
  },
  { id: 'read:automated_jobs', label: 'Read automated jobs', description: 'Enables reading automated job data.' },
  { id: 'write:automated_jobs', label: 'Write automated jobs', description: 'Enables writing automated job data.' },
];
