/**
 * `keyhaven-verify`: what a service imports to accept Keyhaven keys offline. Built by `npm run build`
 * into one dependency-free file, out/verify/keyhaven-verify.mjs, with its type declarations. Imports
 * here carry `.js`, so the declarations resolve in a service compiled with `moduleResolution: nodenext`.
 */
export { createVerifier, Verifier, base64urlToBytes } from './verifier.js';
export type { KeysetUpdate, VerifierCode, VerifierOptions, VerifierOutcome } from './verifier.js';
export {
  canonicalJson,
  keysetSigningBytes,
  parseKeyset,
  KeysetError,
  KEYSET_FORMAT,
  KEYSET_VERSION,
} from './keyset.js';
export type { Keyset, KeysetKey } from './keyset.js';
export { parseKeyhavenKey, keyFromPresented } from './key-shape.js';
export { keyhavenExpress, keyhavenFastify, keyhavenHono, nodeGuard, presentedKey, refusalOf } from './middleware.js';
export type { GuardOptions, Refusal } from './middleware.js';
