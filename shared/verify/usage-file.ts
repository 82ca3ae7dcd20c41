/**
 * The usage file a verifier writes (the `usageFile` option) and Keyhaven's core reads back, so keys
 * verified offline still show when and how much they were used:
 *
 *     { "format": "keyhaven-usage", "version": 1, "app": { "id", "prefix" },
 *       "source": "<random id, one per file>", "writtenAt": "…",
 *       "keys": { "<keyId>": { "hours": { "2026-12-03T16:00:00.000Z": 42 }, "lastUsedAt": "…" } } }
 *
 * Counts are VALID verifications per UTC hour, cumulative over the life of the file; hours older than
 * 35 days are dropped. It holds key ids, counts and times only: never a key, never a digest. Since
 * counts are cumulative, `source` (random, kept for the file's life) lets the core recognise a file it
 * read before and replace what it took from it rather than add it again.
 */
export const USAGE_FORMAT = 'keyhaven-usage';
export const USAGE_VERSION = 1;
export const USAGE_KEPT_DAYS = 35;

export interface UsageFileKey {
  /** VALID verifications by the start of their UTC hour (ISO, e.g. 2026-12-03T16:00:00.000Z). */
  hours: Record<string, number>;
  lastUsedAt: string;
}

export interface UsageFile {
  format: typeof USAGE_FORMAT;
  version: typeof USAGE_VERSION;
  app: { id: string; prefix: string };
  source: string;
  writtenAt: string;
  keys: Record<string, UsageFileKey>;
}

/** Why a usage file cannot be read. */
export class UsageFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageFileError';
  }
}

const HOUR_MS = 3_600_000;
const KEY_ID = /^[0-9A-Za-z]{8}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
/** The start of a UTC hour, written exactly as toISOString() writes it. */
const isHourStart = (v: string): boolean => {
  const ms = Date.parse(v);
  return ms % HOUR_MS === 0 && new Date(ms).toISOString() === v;
};

/** The usage file in `json` (parsed JSON, or its text), its shape checked field by field; throws UsageFileError. */
export function parseUsageFile(json: unknown): UsageFile {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch {
      throw new UsageFileError('The usage file is not valid JSON.');
    }
  }
  if (!isRecord(raw)) throw new UsageFileError('The usage file is not a JSON object.');
  if (raw.format !== USAGE_FORMAT)
    throw new UsageFileError(`This is not a Keyhaven usage file (format "${String(raw.format)}").`);
  if (raw.version !== USAGE_VERSION)
    throw new UsageFileError(`The usage file is version ${String(raw.version)}; this reads version ${USAGE_VERSION}.`);
  const app = raw.app;
  if (!isRecord(app) || !isString(app.id) || !isString(app.prefix))
    throw new UsageFileError('The usage file does not name its app.');
  if (!isString(raw.source)) throw new UsageFileError('The usage file has no source id.');
  if (!isDate(raw.writtenAt)) throw new UsageFileError('The usage file has no valid written-at time.');
  if (!isRecord(raw.keys)) throw new UsageFileError('The usage file has no key list.');
  for (const [keyId, key] of Object.entries(raw.keys)) {
    // Not echoed: whatever it is, it might be a key.
    if (!KEY_ID.test(keyId)) throw new UsageFileError('The usage file lists something that is not a key id.');
    if (!isRecord(key) || !isRecord(key.hours) || !isDate(key.lastUsedAt))
      throw new UsageFileError(`The usage of key ${keyId} is malformed.`);
    for (const [hour, count] of Object.entries(key.hours)) {
      if (!isHourStart(hour) || !Number.isSafeInteger(count) || (count as number) < 0)
        throw new UsageFileError(`The usage of key ${keyId} has a malformed hour or count.`);
    }
  }
  return raw as unknown as UsageFile;
}
