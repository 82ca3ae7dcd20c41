import { parse as parseYaml } from 'yaml';
import { utf8Length } from '../../../../shared/console/request';
import { CoreError } from '../../errors';
import { TRANSFER_LIMITS } from './transfer-collection';

/**
 * Readers for data another tool wrote. Such files are hand-edited, half-migrated and sometimes hostile,
 * so fields are read leniently (a wrong type reads as absent) instead of rejecting a whole collection
 * over one odd field; only the shape that identifies the format is checked strictly, by each importer.
 */
export type Rec = Record<string, unknown>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordOf(value: unknown): Rec {
  return isRecord(value) ? value : {};
}

/** A string field; numbers and booleans as their text (YAML and old exports write `seq: 1`, `value: 42`). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function invalid(message: string): CoreError {
  return new CoreError('INVALID_INPUT', message);
}

/** Refuses text past the import size cap before anything parses it. */
export function checkTextSize(text: string, what: string): void {
  if (utf8Length(text) > TRANSFER_LIMITS.fileBytes) {
    throw invalid(`${what} is larger than ${TRANSFER_LIMITS.fileBytes / 1024 / 1024} MB; Keyhaven does not import it.`);
  }
}

/** JSON.parse with an error a person can act on (the parser's own says "Unexpected token } in JSON at…"). */
export function parseJsonText(text: string, what: string): unknown {
  checkTextSize(text, what);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw invalid(`${what} is not valid JSON${detail}.`);
  }
}

/**
 * YAML (or JSON, which is YAML too) with a readable error. Aliases are capped by the parser (a
 * "billion laughs" file fails instead of expanding), and only the first document is read.
 */
export function parseYamlText(text: string, what: string): unknown {
  checkTextSize(text, what);
  try {
    return parseYaml(text.replace(/^\uFEFF/, ''), { maxAliasCount: 100, prettyErrors: false });
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message.split('\n')[0]})` : '';
    throw invalid(`${what} is not valid YAML or JSON${detail}.`);
  }
}

/** JSON when the text starts like JSON (so its errors read as JSON errors), YAML otherwise. */
export function parseJsonOrYaml(text: string, what: string): unknown {
  return /^\uFEFF?\s*[[{]/.test(text) ? parseJsonText(text, what) : parseYamlText(text, what);
}
