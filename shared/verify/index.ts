/**
 * `keyhaven-verify`: what a service imports to accept Keyhaven keys offline. Built by `npm run build`
 * into one dependency-free file, out/verify/keyhaven-verify.mjs, with its type declarations. Imports
 * here carry `.js`, so the declarations resolve in a service compiled with `moduleResolution: nodenext`.
 */
export { createVerifier, Verifier } from './verifier.js';
export type {
  KeysetEvent,
  KeysetUpdate,
  VerifierCode,
  VerifierOptions,
  VerifierOutcome,
  VerifierStatus,
} from './verifier.js';
export { base64urlToBytes } from './held-keyset.js';
export type { KeysetLoader } from './keyset-source.js';
export {
  canonicalJson,
  keysetSigningBytes,
  parseKeyset,
  KeysetError,
  KEYSET_FORMAT,
  KEYSET_VERSION,
} from './keyset.js';
export type { Keyset, KeysetKey } from './keyset.js';
export { parseUsageFile, UsageFileError, USAGE_FORMAT, USAGE_VERSION, USAGE_KEPT_DAYS } from './usage-file.js';
export type { UsageFile, UsageFileKey } from './usage-file.js';
export { parseKeyhavenKey, keyFromPresented } from './key-shape.js';
export { keyhavenExpress, keyhavenFastify, keyhavenHono, nodeGuard, presentedKey, refusalOf } from './middleware.js';
export type { GuardOptions, Refusal } from './middleware.js';
