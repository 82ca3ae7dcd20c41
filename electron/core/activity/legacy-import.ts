import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivityType } from '../../../shared/domain/activity';
import { KEYHAVEN_FILE_NAME } from '../db/keyhaven-db';
import { ACTIVITY_FILE_NAME, ActivityLog } from './activity-log';

interface V1Activity {
  at: string;
  type: ActivityType;
  appId: string;
  issuedKeyId: string | null;
  summary: string;
}

/**
 * Version 1 data files kept activity inside keyhaven.json. Before that file is migrated (which drops
 * the field), its records are carried into the chained log, once: only when the log does not exist.
 * Reading a damaged file is left to the store, which reports it properly.
 */
export async function importLegacyActivity(dataDir: string): Promise<void> {
  // The log exists in every folder that has recorded anything since version 2: one stat, and start-up
  // never parses keyhaven.json twice.
  if (await exists(join(dataDir, ACTIVITY_FILE_NAME))) return;
  let raw: { schemaVersion?: unknown; activity?: V1Activity[] };
  try {
    raw = JSON.parse(await readFile(join(dataDir, KEYHAVEN_FILE_NAME), 'utf8')) as typeof raw;
  } catch {
    return;
  }
  if (raw.schemaVersion !== 1 || !Array.isArray(raw.activity) || raw.activity.length === 0) return;
  const log = await ActivityLog.open(dataDir);
  await log.appendBeforeAnchor(
    raw.activity.map((r) => ({
      type: r.type,
      appId: r.appId,
      issuedKeyId: r.issuedKeyId,
      summary: r.summary,
      at: new Date(r.at),
    })),
    new Date(),
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
