import { randomUUID } from 'node:crypto';
import {
  ENVIRONMENTS_MAX,
  type Environment,
  type EnvironmentsView,
  type EnvironmentVariable,
} from '../../../shared/console/environments';
import { systemClock, type Clock } from '../clock';
import { CoreError, notFound } from '../errors';
import type { ConsoleDb } from './console-db';

/**
 * The console's environments (issue 13): named sets of `{{variables}}`, one of them chosen. Values
 * were checked by environmentVariableSchema (plain text that is no key, or a `kh://` reference), so
 * console.json never holds a key; references are read only at send time (request-variables.ts).
 */
export class ConsoleEnvironments {
  constructor(
    private readonly db: ConsoleDb,
    private readonly clock: Clock = systemClock,
    private readonly newId: () => string = randomUUID,
  ) {}

  view(): EnvironmentsView {
    const { environments, activeEnvironmentId } = this.db.snapshot();
    const known = environments.some((environment) => environment.id === activeEnvironmentId);
    return { environments: [...environments], activeId: known ? activeEnvironmentId : null };
  }

  get(id: string): Environment {
    const environment = this.db.snapshot().environments.find((candidate) => candidate.id === id);
    if (!environment) throw notFound('This environment');
    return environment;
  }

  /** The chosen environment, or null when none is. */
  active(): Environment | null {
    const { activeId } = this.view();
    return activeId === null ? null : this.get(activeId);
  }

  async create(name: string, variables: EnvironmentVariable[]): Promise<Environment> {
    const now = this.clock.now().toISOString();
    const environment: Environment = { id: this.newId(), name, variables, createdAt: now, updatedAt: now };
    return this.db.commit((data) => {
      if (data.environments.length >= ENVIRONMENTS_MAX)
        throw new CoreError('INVALID_INPUT', `At most ${ENVIRONMENTS_MAX} environments: delete one first.`);
      checkNameFree(data.environments, name, null);
      // The first environment is chosen at once: that is why one makes it.
      const select = data.environments.length === 0 && data.activeEnvironmentId === null;
      return {
        ops: [
          { type: 'environment.put', environment },
          ...(select ? [{ type: 'environment.select' as const, id: environment.id }] : []),
        ],
        result: environment,
      };
    });
  }

  async update(id: string, change: { name?: string; variables?: EnvironmentVariable[] }): Promise<Environment> {
    const now = this.clock.now().toISOString();
    return this.db.commit((data) => {
      const current = data.environments.find((candidate) => candidate.id === id);
      if (!current) throw notFound('This environment');
      if (change.name !== undefined) checkNameFree(data.environments, change.name, id);
      const environment: Environment = { ...current, ...change, updatedAt: now };
      return { ops: [{ type: 'environment.put', environment }], result: environment };
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.commit((data) => {
      if (!data.environments.some((environment) => environment.id === id)) throw notFound('This environment');
      return { ops: [{ type: 'environment.delete', id }], result: undefined };
    });
  }

  /** null: no environment (variables stay as written and the request says which are missing). */
  async select(id: string | null): Promise<EnvironmentsView> {
    await this.db.commit((data) => {
      if (id !== null && !data.environments.some((environment) => environment.id === id))
        throw notFound('This environment');
      return { ops: [{ type: 'environment.select', id }], result: undefined };
    });
    return this.view();
  }
}

function checkNameFree(environments: readonly Environment[], name: string, except: string | null): void {
  const taken = environments.some(
    (environment) => environment.id !== except && environment.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) throw new CoreError('CONFLICT', `There is already an environment named ${name}.`);
}
