import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/domain/activity';

export const EVENT_LABELS: Record<ActivityType, string> = {
  'app.created': 'App created',
  'app.updated': 'App changed',
  'scopes.changed': 'Scopes changed',
  'key.generated': 'Key generated',
  'key.shown': 'Key shown',
  'key.copied': 'Key copied',
  'key.savedInVault': 'Saved in vault',
  'key.rotated': 'Key rotated',
  'key.revoked': 'Key revoked',
  'key.verified': 'Key verified',
  'entry.read': 'Vault key read',
  'entry.added': 'Vault key added',
  'entry.replaced': 'Vault key replaced',
  'entry.removed': 'Vault key removed',
  'vault.created': 'Vault created',
  'keyset.published': 'Keyset published',
  'app.secretShown': 'Verification secret shown',
  'key.usageImported': 'Service usage imported',
  'key.updated': 'Key renamed or noted',
  'key.disabled': 'Key disabled',
  'key.enabled': 'Key enabled',
  'app.archived': 'App archived',
  'app.deleted': 'App deleted',
  'entry.shown': 'Vault key shown',
  'entry.copied': 'Vault key copied',
  'entry.sent': 'Vault key sent',
  'entry.updated': 'Vault entry edited',
  'vault.exported': 'Vault exported',
  'vault.imported': 'Vault imported',
  'vault.locked': 'Vault locked',
  'vault.unlocked': 'Vault unlocked',
  'vault.renamed': 'Vault renamed',
  'vault.deleted': 'Vault deleted',
  'team.shared': 'Vault shared with a team',
  'team.joined': 'Team vault joined',
  'team.synced': 'Team vault synced',
  'team.memberAdded': 'Team member added',
  'team.memberRemoved': 'Team member removed',
};

export type EventFilter = ActivityType | 'all';

export const EVENT_FILTER_OPTIONS: ReadonlyArray<{ value: EventFilter; label: string }> = [
  { value: 'all', label: 'All events' },
  ...ACTIVITY_TYPES.map((type) => ({ value: type, label: EVENT_LABELS[type] })),
];
