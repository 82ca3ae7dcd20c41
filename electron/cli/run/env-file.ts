import { readFile } from 'node:fs/promises';
import { parse } from 'dotenv';
import { CliError } from '../cli-error';

/**
 * The variables of a dotenv file (`KEY=value`, quotes, comments, multi-line values), as dotenv parses
 * them. Errors name the file and the reason only: a value may be a secret and never appears in one.
 */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  let contents: Buffer;
  try {
    contents = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('NOT_FOUND', `env file not found: ${path}`);
    throw new CliError('USAGE', `cannot read env file ${path}: ${code ?? 'unknown error'}`);
  }
  return parse(contents);
}
