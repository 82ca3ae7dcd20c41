import { deriveKeyPrefix, uniqueKeyPrefix } from '../../../../shared/domain/app';

/** The prefix the core will give a new app with this name; null while there is no name to derive from. */
export function previewKeyPrefix(name: string, taken: ReadonlySet<string>): string | null {
  if (name.trim() === '') return null;
  return uniqueKeyPrefix(deriveKeyPrefix(name.trim()), taken);
}
