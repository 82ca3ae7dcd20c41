import { activityRecordSchema, type ChainCheck } from '../../../shared/domain/activity';
import type { ChainHead } from './activity-event';
import { chainHash, GENESIS, stripChain } from './chain-hash';
import type { ParsedLine } from './activity-file';

const OUTSIDE = 'The activity log was changed outside Keyhaven or damaged.';

/**
 * Walks the log from the first line: each record must parse, number on, and hash from the one before.
 * Then the log must end exactly at the head committed in keyhaven.json (null only before a version 3
 * folder is anchored): a log cut short, deleted, or rewritten from the first record on cannot match it.
 */
export function checkChain(lines: ParsedLine[], head: ChainHead | null): ChainCheck {
  let prev = GENESIS;
  let expectedSeq = 1;
  const broken = (seq: number, problem: string): ChainCheck => ({
    intact: false,
    count: lines.length,
    brokenAtSeq: seq,
    problem,
  });
  for (const { lineNo, record } of lines) {
    const at = `Record ${expectedSeq} (line ${lineNo})`;
    if (record === null) return broken(expectedSeq, `${at} is not readable. ${OUTSIDE}`);
    if (!activityRecordSchema.safeParse(stripChain(record)).success)
      return broken(expectedSeq, `${at} has an unexpected shape. ${OUTSIDE}`);
    if (record.seq !== expectedSeq) return broken(expectedSeq, `${at} is numbered ${String(record.seq)}. ${OUTSIDE}`);
    if (record.prev !== prev) return broken(expectedSeq, `${at} does not point at the record before it. ${OUTSIDE}`);
    if (record.hash !== chainHash(stripChain(record), prev))
      return broken(expectedSeq, `${at} does not match its hash. ${OUTSIDE}`);
    prev = record.hash;
    expectedSeq += 1;
  }
  const count = lines.length;
  if (head !== null && count < head.seq) {
    const missing = head.seq === count + 1 ? `record ${head.seq} is` : `records ${count + 1} to ${head.seq} are`;
    return broken(
      count + 1,
      `The log ends at record ${count}, but Keyhaven recorded ${head.seq}: ${missing} missing. ${OUTSIDE}`,
    );
  }
  if (head !== null && count > head.seq) {
    return broken(head.seq + 1, `Record ${head.seq + 1} and after were not recorded by Keyhaven. ${OUTSIDE}`);
  }
  if (head !== null && prev !== head.hash) {
    return broken(
      head.seq,
      `Record ${head.seq} is not the one Keyhaven recorded last: the log was rewritten. ${OUTSIDE}`,
    );
  }
  return { intact: true, count, brokenAtSeq: null, problem: null };
}
