import { CoreError } from './errors';

export interface LookupWording {
  /** `vault`, `entry`, `app`: what is looked for. */
  one: string;
  /** Its plural, for the clash: `vaults`, `entries`, `apps`. */
  many: string;
  /** Where it was looked for, e.g. ` in the vault "Personal"`. */
  where?: string;
  /** Added to both messages, e.g. the reference as written: ` (kh://…)`. */
  hint?: string;
}

/**
 * One of `candidates` by its id, else by its name as people type it (any case) — never a guess
 * between two of one name: NOT_FOUND or CONFLICT, saying so. What the command line and `kh://`
 * references look things up by.
 */
export function pickByIdOrName<T extends { id: string }>(
  candidates: readonly T[],
  wanted: string,
  nameOf: (candidate: T) => string,
  wording: LookupWording,
): T {
  const byId = candidates.find((candidate) => candidate.id === wanted);
  if (byId) return byId;
  const lower = wanted.toLowerCase();
  const named = candidates.filter((candidate) => nameOf(candidate).toLowerCase() === lower);
  const { where = '', hint = '' } = wording;
  if (named.length === 0) throw new CoreError('NOT_FOUND', `No ${wording.one} named "${wanted}"${where}${hint}.`);
  if (named.length > 1)
    throw new CoreError(
      'CONFLICT',
      `${named.length} ${wording.many} are named "${wanted}"${where}: use an id instead${hint}.`,
    );
  return named[0] as T;
}
