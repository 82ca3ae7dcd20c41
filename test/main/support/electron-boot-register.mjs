// `node --import ./electron-boot-register.mjs out/main/index.js`: the built main bundle then gets the
// recording stub (electron-boot-stub.mjs) wherever it imports 'electron'. Used by boot-smoke.test.ts.
import { register } from 'node:module';

register('./electron-boot-hooks.mjs', import.meta.url);
