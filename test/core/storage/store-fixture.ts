import { expect } from 'vitest';
import { StorageError, type DocumentStoreOptions } from '../../../electron/core/storage';

/** The document the store tests use: schemaVersion 2, a list of strings, validated. */
export interface Doc {
  schemaVersion: 2;
  items: string[];
}

export function options(file: string, extra: Partial<DocumentStoreOptions<Doc>> = {}): DocumentStoreOptions<Doc> {
  return {
    file,
    schemaVersion: 2,
    defaults: () => ({ schemaVersion: 2, items: [] }),
    validate: (data) => {
      const doc = data as Doc;
      if (!Array.isArray(doc.items) || !doc.items.every((item) => typeof item === 'string')) {
        throw new Error('items must be strings');
      }
      return doc;
    },
    ...extra,
  };
}

export async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}
