// Module-resolution hook (node:module register): the bare specifier 'electron' resolves to the stub.
// Everything else resolves as usual, so the bundle's real dependencies (zod, lowdb, keytar) load.
const STUB = new URL('./electron-boot-stub.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true };
  return nextResolve(specifier, context);
}
