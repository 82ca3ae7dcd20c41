import { z } from 'zod';

/**
 * Zod 4 probes `new Function('')` to decide whether to compile parsers; under the renderer's CSP
 * (no 'unsafe-eval') the probe is blocked and reported as a violation. Jitless mode never probes.
 * Imported before any schema is parsed (main.tsx first, and by validate.ts for tests).
 */
z.config({ jitless: true });
