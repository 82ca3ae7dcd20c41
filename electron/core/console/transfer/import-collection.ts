import { readFile, stat } from 'node:fs/promises';
import { CoreError } from '../../errors';
import { importBruno } from './bruno-import';
import { detectTextFormat } from './detect-format';
import { invalid } from './foreign-data';
import { quoted } from './import-context';
import { importInsomniaData } from './insomnia-import';
import { importOpenApiData } from './openapi-import';
import { importPostmanData } from './postman-import';
import { TRANSFER_LIMITS, type TransferCollection } from './transfer-collection';

/**
 * The one entry the app calls with what the user picked: a file's text (from a drop or a dialog) or
 * a path (a Bruno folder, or a file). It recognises the format and runs the matching importer.
 */
export function importCollectionText(text: string): TransferCollection {
  const detected = detectTextFormat(text);
  switch (detected.format) {
    case 'postman':
      return importPostmanData(detected.data);
    case 'insomnia':
      return importInsomniaData(detected.data);
    case 'openapi':
      return importOpenApiData(detected.data);
  }
}

export async function importCollectionPath(path: string): Promise<TransferCollection> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new CoreError('NOT_FOUND', `${quoted(path)} was not found.`);
  if (info.isDirectory()) return importBruno(path);
  if (!info.isFile()) throw invalid(`${quoted(path)} is not a file or a folder.`);
  // Checked before reading, so a huge file is refused without being loaded.
  if (info.size > TRANSFER_LIMITS.fileBytes) {
    throw invalid(
      `This file is larger than ${TRANSFER_LIMITS.fileBytes / 1024 / 1024} MB; Keyhaven does not import it.`,
    );
  }
  return importCollectionText(await readFile(path, 'utf8'));
}
