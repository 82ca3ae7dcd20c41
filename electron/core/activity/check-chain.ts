import { activityRecordSchema, type ChainCheck } from '../../../shared/domain/activity';
import { chainHash, GENESIS, stripChain } from './chain-hash';
import type { ParsedLine } from './activity-file';

/** Walks the log from the first line: each record must parse, number on, and hash from the one before. */
export function checkChain(lines: ParsedLine[]): ChainCheck {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const { lineNo, record } of lines) {
    const broken = (problem: string): ChainCheck => ({
      intact: false,
      count: lines.length,
      brokenAtSeq: expectedSeq,
      problem: `Record ${expectedSeq} (line ${lineNo}) ${problem}. The activity log was changed outside Keyhaven or damaged.`,
    });
    if (record === null) return broken('is not readable');
    if (!activityRecordSchema.safeParse(stripChain(record)).success) return broken('has an unexpected shape');
    if (record.seq !== expectedSeq) return broken(`is numbered ${String(record.seq)}`);
    if (record.prev !== prev) return broken('does not point at the record before it');
    if (record.hash !== chainHash(stripChain(record), prev)) return broken('does not match its hash');
    prev = record.hash;
    expectedSeq += 1;
  }
  return { intact: true, count: lines.length, brokenAtSeq: null, problem: null };
}
