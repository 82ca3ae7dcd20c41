import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CoreError } from '../../errors';
import { invalid, isRecord, parseJsonOrYaml, recordOf, textOf } from './foreign-data';
import { quoted } from './import-context';
import { isInsomniaV5 } from './insomnia-v5';

/**
 * Which tool wrote a file the user picked, from its content rather than its name (Postman exports are
 * `*.postman_collection.json`, but people rename files). The text is parsed once and handed on, so a
 * 10 MB export is not parsed twice.
 */
export type TextFormat = 'postman' | 'insomnia' | 'openapi';

export const UNKNOWN_FORMAT =
  'This file is not a Postman collection (v2.1), an Insomnia export or an OpenAPI 3 document.';

export interface DetectedText {
  format: TextFormat;
  /** The parsed document, for the matching importer's `…Data` function. */
  data: unknown;
}

function formatOf(data: unknown): TextFormat {
  if (!isRecord(data)) throw invalid(UNKNOWN_FORMAT);
  const info = recordOf(data.info);
  if (/postman\.com\//.test(textOf(info.schema)) || (isRecord(data.info) && Array.isArray(data.item))) return 'postman';
  // Collection v1: a flat `requests` list with an `order`; the Postman importer says how to upgrade it.
  if (Array.isArray(data.requests) && Array.isArray(data.order)) return 'postman';
  if (data._type === 'export' || isInsomniaV5(data)) return 'insomnia';
  // Swagger 2.0 is reported by the OpenAPI importer, with what to do about it.
  if (data.openapi !== undefined || data.swagger !== undefined) return 'openapi';
  if (data._postman_variable_scope !== undefined) {
    throw invalid('This file is a Postman environment, not a collection: export the collection from Postman.');
  }
  throw invalid(UNKNOWN_FORMAT);
}

/** The format of a collection file's text, or a CoreError saying it is none Keyhaven reads. */
export function detectTextFormat(text: string): DetectedText {
  let data: unknown;
  try {
    data = parseJsonOrYaml(text, 'This file');
  } catch (error) {
    // Text that starts like JSON is told it is broken JSON; anything else is simply not a collection.
    if (/^\uFEFF?\s*[[{]/.test(text) && error instanceof CoreError) throw error;
    throw invalid(UNKNOWN_FORMAT);
  }
  return { format: formatOf(data), data };
}

/** A folder is imported as a Bruno collection when it holds a bruno.json; anything else is refused. */
export async function detectFolderFormat(folder: string): Promise<'bruno'> {
  const info = await stat(join(folder, 'bruno.json')).catch(() => null);
  if (info?.isFile()) return 'bruno';
  throw invalid(`The folder ${quoted(folder)} is not a Bruno collection: it has no bruno.json.`);
}
