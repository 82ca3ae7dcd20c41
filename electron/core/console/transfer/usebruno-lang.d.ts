/**
 * Types for Bruno's own `.bru` parser, which ships none. Results are `unknown` on purpose: they are
 * another tool's data and are read with foreign-data.ts like any imported file.
 */
declare module '@usebruno/lang' {
  interface BrunoLang {
    /** A request file (`meta`, `get|post|…`, `params:*`, `headers`, `auth:*`, `body:*`). Throws on a syntax error. */
    bruToJsonV2(text: string): unknown;
    /** An environment file (`vars`, `vars:secret`). */
    bruToEnvJsonV2(text: string): unknown;
    /** `collection.bru` and `folder.bru` (`meta`, `headers`, `auth`, `auth:*`). */
    collectionBruToJson(text: string): unknown;
  }
  const lang: BrunoLang;
  export default lang;
}
