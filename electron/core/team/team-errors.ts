import { CoreError } from '../errors';

/** Why a file of a team repository was refused; the app shows it next to the file's name. */
export type TeamRefusal =
  | 'not-a-member'
  | 'read-only-signer'
  | 'bad-signature'
  | 'id-mismatch'
  | 'wrong-team'
  | 'undecryptable'
  | 'malformed'
  | 'broken-chain'
  | 'wrong-vault-key';

const REASONS: Record<TeamRefusal, string> = {
  'not-a-member': 'it is signed by someone who is not a member of this team',
  'read-only-signer': 'it is signed by a read-only member',
  'bad-signature': 'its signature does not match its contents',
  'id-mismatch': 'it holds another entry than its file name says (files swapped?)',
  'wrong-team': 'it belongs to another team vault',
  undecryptable: 'it cannot be decrypted with this vault’s key (changed or damaged)',
  malformed: 'it is not in the format Keyhaven writes',
  'broken-chain': 'the member list’s chain of records is broken (a record removed, reordered or altered)',
  'wrong-vault-key': 'the vault key it holds is not the one the member list names',
};

/**
 * A team file that must not be trusted. Code TAMPERED (the contract's code for "changed outside
 * Keyhaven"), `file` relative to the team folder, `reason` for code to branch on. No secret, no name
 * from inside an encrypted file: the message may be logged and shown.
 */
export class TeamFileRefusedError extends CoreError {
  constructor(
    readonly file: string,
    readonly reason: TeamRefusal,
    detail?: string,
  ) {
    super('TAMPERED', `Keyhaven refused ${file}: ${REASONS[reason]}${detail === undefined ? '' : ` (${detail})`}.`);
    this.name = 'TeamFileRefusedError';
  }
}
