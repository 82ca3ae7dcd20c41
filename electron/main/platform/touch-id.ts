import { systemPreferences } from 'electron';
import type { PresencePort } from '../../core/platform/ports';

/**
 * Touch ID as the proof that the user is at the Mac before a vault opens (issue 14). Electron offers it
 * on macOS only, and only where a sensor is enrolled (`canPromptTouchID`); elsewhere there is no port and
 * Unlock without a Keyhaven passphrase stays one click, as the Settings screen says.
 */
export function electronPresence(platform: NodeJS.Platform = process.platform): PresencePort | undefined {
  if (platform !== 'darwin' || !systemPreferences.canPromptTouchID()) return undefined;
  return {
    kind: 'touch-id',
    async confirm(reason) {
      try {
        // macOS words it: "Keyhaven is trying to <reason>."
        await systemPreferences.promptTouchID(reason);
        return true;
      } catch {
        // Cancelled, failed, or locked out after too many tries: the vault stays locked and the core
        // answers NOT_CONFIRMED, so the user is told; nothing here is a secret to keep out of logs.
        return false;
      }
    },
  };
}
