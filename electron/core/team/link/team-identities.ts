import type { TeamIdentityView } from '../../../../shared/domain/team-link';
import { groupFingerprint } from '../../../../shared/domain/team';
import type { Clock } from '../../clock';
import { CoreError } from '../../errors';
import type { Keychain } from '../../keychain/keychain';
import {
  ensureTeamIdentity,
  exportTeamIdentity,
  loadTeamIdentity,
  memberLineOf,
  type IdentityExportOptions,
  type TeamIdentity,
} from '../team-identity';

/**
 * The data folder's team identity (issue 15, item 1), kept in the OS keychain and made on first use:
 * the first share, join, or `keyhaven team identity --name`. Without one, an operation that needs it
 * asks for the name teammates will see rather than inventing one.
 */
export class TeamIdentities {
  constructor(
    private readonly keychain: Keychain,
    private readonly installationId: () => string,
    private readonly clock: Clock,
  ) {}

  /** The identity, made now under `name` if there is none yet; INVALID_INPUT when a name is needed. */
  async require(name?: string): Promise<TeamIdentity> {
    const existing = await loadTeamIdentity(this.keychain, this.installationId());
    if (existing !== null) return existing;
    if (name === undefined || name.trim() === '') {
      throw new CoreError(
        'INVALID_INPUT',
        'Choose the name your teammates will see (your team identity is made with it).',
        {
          field: 'memberName',
        },
      );
    }
    return ensureTeamIdentity(this.keychain, this.installationId(), name.trim(), this.clock.now());
  }

  /** The public part, or null before the first use. */
  async view(): Promise<TeamIdentityView | null> {
    const identity = await loadTeamIdentity(this.keychain, this.installationId());
    return identity === null ? null : viewOf(identity);
  }

  async create(name: string): Promise<TeamIdentityView> {
    return viewOf(await this.require(name));
  }

  /** age's identity file, passphrase-protected unless no passphrase is given (`--plain`). */
  async export(options: IdentityExportOptions): Promise<string> {
    return exportTeamIdentity(await this.require(), options);
  }
}

export const viewOf = (identity: TeamIdentity): TeamIdentityView => ({
  name: identity.name,
  fingerprint: groupFingerprint(identity.fingerprint),
  line: memberLineOf(identity),
});
