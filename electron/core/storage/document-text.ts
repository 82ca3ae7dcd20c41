/**
 * How a data file's snapshot is written: compact JSON with a CRC-32 of the whole document added as its
 * last member, `{...,"crc":c}`, where c is computed over the JSON without that member (the bytes the
 * writer produced before inserting it) — the journal's line format (journal-format.ts), for the whole
 * file. A flipped byte anywhere, inside a value too, makes the file refuse to open as damaged instead
 * of loading a wrong key hash or setting. Files written before the checksum existed have no member and
 * are read as they are; the next save adds it. The checksum finds damage; what decides security is
 * also authenticated with a key from the keychain (keys/record-seal.ts).
 */
import { crc32 } from 'node:zlib';

const CRC_AT_END = /,"crc":(\d{1,10})}\s*$/;

export function encodeDocument(data: object): string {
  const body = JSON.stringify(data);
  return `${body.slice(0, -1)},"crc":${crc32(body)}}\n`;
}

/** Whether a snapshot's text ends with its checksum member (decodeDocument checks that it holds). */
export function hasChecksum(raw: string): boolean {
  return CRC_AT_END.test(raw);
}

export class DocumentDamage extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'DocumentDamage';
  }
}

/** The document a snapshot holds, without its checksum; throws DocumentDamage naming what is wrong. */
export function decodeDocument(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') throw new DocumentDamage('is damaged (it is empty; it may have been truncated)');
  const member = CRC_AT_END.exec(text);
  const body = member ? `${text.slice(0, member.index)}}` : text;
  if (member && crc32(body) !== Number(member[1])) {
    throw new DocumentDamage('is damaged (its checksum does not match: part of it was changed or lost)');
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new DocumentDamage('is damaged (it is not valid JSON; it may have been truncated)');
  }
  // lowdb's Low takes a falsy value (null, 0, "", false) for "no file" and would keep what it held:
  // anything but an object or array is damage.
  if (data === null || typeof data !== 'object') throw new DocumentDamage('is damaged (it holds no data)');
  return data;
}
