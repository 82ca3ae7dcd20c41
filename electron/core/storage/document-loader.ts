/**
 * Loading a document for the store: read it into lowdb's `Low` through the durable adapter, refuse a
 * newer schemaVersion, migrate an older one (after copying the file to `<file>.v<n>.bak`), validate.
 * Always called with the lock held.
 */
import type { Low } from 'lowdb';
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from './atomic-write';
import type { DocumentOptions } from './document-options';
import type { DurableJsonFile } from './durable-json-file';
import { assertMigrationPath, migrate, MigrationFailed, schemaVersionOf } from './migrate-document';
import { StorageError } from './storage-error';

export interface Loaded<T> {
  data: T;
  existed: boolean;
  migrated: boolean;
}

/** Reads, version-checks, migrates and validates; always called with the file lock held. */
export class Loader<T extends { schemaVersion: number }> {
  constructor(
    private readonly o: DocumentOptions<T>,
    private readonly low: Low<T>,
    private readonly adapter: DurableJsonFile<T>,
  ) {}

  defaults(): T {
    const data = this.o.defaults();
    if (data.schemaVersion !== this.o.schemaVersion) {
      throw new Error(`defaults() for ${this.o.file} must carry schemaVersion ${this.o.schemaVersion}.`);
    }
    return data;
  }

  async load(): Promise<Loaded<T>> {
    const { file, schemaVersion: target } = this.o;
    await this.low.read();
    // The adapter says whether the file exists (Low keeps its old data when it does not).
    if (this.adapter.identity === null) return { data: this.defaults(), existed: false, migrated: false };
    const raw: unknown = this.low.data;
    const version = schemaVersionOf(raw);
    if (version === undefined) throw await this.adapter.corrupt('is damaged (it has no valid schemaVersion)');
    if (version > target) throw StorageError.newerVersion(file, version, target);
    if (version === target) {
      // A short-lived open trusts a snapshot whose checksum holds (DocumentOptions.shortLived).
      if (this.o.shortLived === true && this.adapter.checksummed)
        return { data: raw as T, existed: true, migrated: false };
      return { data: await this.validate(raw, 'does not have the shape'), existed: true, migrated: false };
    }

    const migrations = this.o.migrations ?? {};
    assertMigrationPath(file, version, target, migrations);
    await writeFileDurably(`${file}.v${version}.bak`, await readFile(file), { keepBackup: false });
    let upgraded: unknown;
    try {
      upgraded = migrate(raw, version, target, migrations);
    } catch (error) {
      if (!(error instanceof MigrationFailed)) throw error;
      const step = `from data version ${error.fromVersion} to ${error.fromVersion + 1}`;
      throw await this.adapter.corrupt(`could not be upgraded ${step} by this version of Keyhaven`, error.cause);
    }
    const data = await this.validate(
      upgraded,
      `after its upgrade from data version ${version} does not have the shape`,
    );
    return { data, existed: true, migrated: true };
  }

  private async validate(data: unknown, problem: string): Promise<T> {
    if (!this.o.validate) return data as T;
    try {
      return this.o.validate(data);
    } catch (error) {
      throw await this.adapter.corrupt(
        `${problem} this version of Keyhaven expects (it may have been edited or damaged)`,
        error,
      );
    }
  }
}
