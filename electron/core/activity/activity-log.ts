import { randomUUID } from 'node:crypto';
import type { ActivityRecord, ActivityType } from '../../../shared/domain/activity';
import type { KeyhavenFile } from '../db/schema';

export interface ActivityEvent {
  type: ActivityType;
  appId: string;
  issuedKeyId?: string;
  /** For people: names and public ids only, never a secret. */
  summary: string;
}

/** Appends inside the caller's transaction, so the event and the change it records land together. */
export function appendActivity(data: KeyhavenFile, at: Date, event: ActivityEvent): void {
  data.activity.push({
    id: randomUUID(),
    at: at.toISOString(),
    type: event.type,
    appId: event.appId,
    issuedKeyId: event.issuedKeyId ?? null,
    summary: event.summary,
  });
}

export const ACTIVITY_PAGE = 500;

/** Newest first; one app's records, or every app's. */
export function listActivity(data: Readonly<KeyhavenFile>, appId?: string): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  for (let i = data.activity.length - 1; i >= 0 && out.length < ACTIVITY_PAGE; i -= 1) {
    const record = data.activity[i] as ActivityRecord;
    if (appId === undefined || record.appId === appId) out.push({ ...record });
  }
  return out;
}
