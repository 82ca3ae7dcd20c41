/**
 * Bringing data forward with journal entries. An entry whose seq is at most the data's position is
 * already in it (a compaction wrote the data file and stopped before emptying the journal) and is
 * skipped unread; every other one must be the next seq, from this schemaVersion, with ops that parse
 * and apply. Anything else means the two files do not belong together, and is reported, not guessed.
 */
import { outOfSequence, unreadableEntry, versionMismatch } from './journal-errors';
import { isWhole, type JournalEntry } from './journal-format';

export interface ReplayContext<T, Op> {
  file: string;
  journal: string;
  schemaVersion: number;
  apply: (data: T, op: Op) => void;
  parseOp?: ((raw: unknown) => Op) | undefined;
}

/** `applied`: the last seq reflected in the data; `seen`: the highest seq read from the journal file. */
export interface JournalPosition {
  applied: number;
  seen: number;
}

/** Applies `entries` in order, advancing `position`; on a throw, `data` may hold part of an entry. */
export function replayEntries<T, Op>(
  data: T,
  entries: readonly JournalEntry[],
  position: JournalPosition,
  c: ReplayContext<T, Op>,
): void {
  for (const entry of entries) {
    if (entry.seq <= position.seen) throw outOfSequence(c.journal, c.file, entry.line, position.seen + 1);
    position.seen = entry.seq;
    if (entry.seq <= position.applied) continue;
    if (entry.seq !== position.applied + 1) {
      throw outOfSequence(c.journal, c.file, entry.line, position.applied + 1);
    }
    if (entry.v !== c.schemaVersion) throw versionMismatch(c.journal, entry.line, entry.v, c.schemaVersion);
    try {
      for (const raw of parseOps(entry.ops, c.parseOp)) c.apply(data, raw);
    } catch (error) {
      throw unreadableEntry(c.journal, c.file, entry.line, error);
    }
    position.applied = entry.seq;
  }
}

/** All ops of an entry are parsed before the first is applied, so a bad one leaves the data alone. */
export function parseOps<Op>(raw: readonly unknown[], parseOp: ((raw: unknown) => Op) | undefined): Op[] {
  return parseOp ? raw.map((op) => parseOp(op)) : (raw as Op[]);
}

/** Wraps the store's validate: a snapshot without a valid journalSeq cannot say which entries it holds. */
export function validateWithJournalSeq<T>(raw: unknown, validate: ((data: unknown) => T) | undefined): T {
  if (!isWhole((raw as { journalSeq?: unknown }).journalSeq)) throw new Error('journalSeq is not a whole number');
  return validate ? validate(raw) : (raw as T);
}
