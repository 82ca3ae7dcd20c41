import type { KeyhavenApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /**
     * Exposed by the preload (or the browser harness). Optional on purpose: a page opened without it
     * must show the "bridge is missing" screen instead of crashing. Only `api/client.ts` reads it.
     */
    keyhaven?: KeyhavenApi;
  }
}

export {};
