/**
 * Pure steps of loading a document: find its schemaVersion and bring older data forward. The caller
 * does the I/O (the `.v<n>.bak` copy before migrating) and turns failures into StorageErrors.
 */

/** `migrations[n]` turns version n into n + 1. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an old shape has no current type to name
export type Migrations = Record<number, (old: any) => unknown>;

/** The document's schemaVersion, or undefined when it is not an object carrying a whole number one. */
export function schemaVersionOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}

/** Fails before anything is written when this build cannot reach `to` from `from` (a programming error). */
export function assertMigrationPath(file: string, from: number, to: number, migrations: Migrations): void {
  for (let n = from; n < to; n++) {
    if (typeof migrations[n] !== 'function') {
      throw new Error(`No migration is registered from schemaVersion ${n} to ${n + 1} for ${file}.`);
    }
  }
}

export class MigrationFailed extends Error {
  constructor(
    readonly fromVersion: number,
    cause: unknown,
  ) {
    super(`Migration from schemaVersion ${fromVersion} failed.`, { cause });
    this.name = 'MigrationFailed';
  }
}

/**
 * Runs the migrations in order. Each step's result gets `schemaVersion = n + 1`, so a step only has to
 * reshape data; a step that throws or returns a non-object aborts the whole upgrade.
 */
export function migrate(data: unknown, from: number, to: number, migrations: Migrations): unknown {
  let current = data;
  for (let n = from; n < to; n++) {
    const step = migrations[n];
    let next: unknown;
    try {
      next = step?.(current);
    } catch (error) {
      throw new MigrationFailed(n, error);
    }
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new MigrationFailed(n, new TypeError(`migration ${n} returned ${next === null ? 'null' : typeof next}`));
    }
    (next as { schemaVersion: number }).schemaVersion = n + 1;
    current = next;
  }
  return current;
}
