import { z } from 'zod';

/** The local test API as Settings shows it: off by default, on 127.0.0.1 only. */
export const testApiStatusSchema = z.strictObject({
  running: z.boolean(),
  /** Set while running: the port it listens on and `http://127.0.0.1:<port>` to copy. */
  port: z.number().int().min(1).max(65_535).nullable(),
  baseUrl: z.string().nullable(),
  /** The port kept for the next start (the last one it ran on), so saved requests to it keep working. */
  savedPort: z.number().int().min(1).max(65_535).nullable(),
});
export type TestApiStatus = z.output<typeof testApiStatusSchema>;

export const startTestApiInputSchema = z.strictObject({
  /** 0 or absent: any free port. Ports below 1024 need privileges and are refused. */
  port: z
    .number({ error: 'The port must be a number.' })
    .int({ error: 'The port must be a whole number.' })
    .refine((port) => port === 0 || (port >= 1024 && port <= 65_535), {
      error: 'Choose a port from 1024 to 65535, or 0 for any free port.',
    })
    .optional(),
});

/**
 * Kept in keyhaven.json (issue 13): the port the local test API last ran on, and whether it was on
 * when the app quit, so it comes back on the same port and saved requests to it keep working.
 */
export const testApiSettingsSchema = z.strictObject({
  port: z.number().int().min(1).max(65_535).nullable(),
  running: z.boolean(),
});
export type TestApiSettings = z.output<typeof testApiSettingsSchema>;
export const DEFAULT_TEST_API_SETTINGS: TestApiSettings = { port: null, running: false };
