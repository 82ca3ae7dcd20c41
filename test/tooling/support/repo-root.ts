import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout these tests run in. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
