import type { HeaderScheme } from '../../../../shared/catalogs/service-presets';
import { headerLine } from '../../../../shared/catalogs/service-presets';

/** What a Copy notice says, in each state of the copy. */
export type CopyNotice =
  | {
      state: 'copied' | 'cleared' | 'changed';
      /** The row (or dialog) whose key was copied: the notice sits there. */
      entryId: string;
      entryName: string;
      /** "" for the key alone; "x-api-key: •••• header" for Copy as header. */
      what: string;
      /** Main's id for this copy, matched against the clipboard:released event. */
      copyId: string;
      /** Main's delay, as it answered. */
      seconds: number;
      /** When main will clear the clipboard, on this page's clock (Date.now()). */
      clearsAt: number;
    }
  | { state: 'failed'; entryId: string; message: string };

/** Stands for the key in a notice: the notice names the header, never the key. */
const MASK = '••••';

/**
 * "x-api-key: •••• header", "Authorization: Bearer •••• header", "api_key=•••• parameter" for Copy as
 * header (a scheme); "" for the key alone; "version 2" / "… header of version 2" for a kept version.
 */
export function copiedWhat(scheme: HeaderScheme | null, version?: number): string {
  const line =
    scheme === null
      ? ''
      : scheme.kind === 'query'
        ? `${scheme.name}=${MASK} parameter`
        : `${headerLine(scheme, MASK)} header`;
  if (version === undefined) return line;
  return line === '' ? `version ${version}` : `${line} of version ${version}`;
}

/** The visible line beside the row or the Copy buttons: it counts down each second. */
export function noticeLine(notice: CopyNotice, now: number): string {
  switch (notice.state) {
    case 'failed':
      return notice.message;
    case 'cleared':
      return 'Clipboard cleared';
    case 'changed':
      return 'Clipboard left as it is: you copied something else since';
    case 'copied': {
      const copied = notice.what ? `Copied ${notice.what}` : 'Copied';
      const seconds = secondsLeft(notice, now);
      return seconds > 0 ? `${copied} · clears in ${seconds} s` : `${copied} · clearing…`;
    }
  }
}

/**
 * What a screen reader hears, once per change of state, never each second (the countdown is in the
 * visible line, which is not a live region).
 */
export function noticeAnnouncement(notice: CopyNotice | null): string {
  if (notice === null) return '';
  switch (notice.state) {
    case 'failed':
      return notice.message;
    case 'cleared':
      return `Clipboard cleared: the key of ${notice.entryName} is no longer on it.`;
    case 'changed':
      return `The clipboard now holds something you copied since; Keyhaven left it as it is.`;
    case 'copied': {
      const what = notice.what ? ` as the ${notice.what}` : '';
      return `Copied the key of ${notice.entryName}${what}. The clipboard will be cleared in ${notice.seconds} s.`;
    }
  }
}

function secondsLeft(notice: { clearsAt: number }, now: number): number {
  return Math.max(0, Math.ceil((notice.clearsAt - now) / 1000));
}
