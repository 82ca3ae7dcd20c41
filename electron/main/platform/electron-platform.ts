import { clipboard, ClipboardItem, powerMonitor } from 'electron';
import type { ClipboardPort, Platform, PowerEvent, PowerPort } from '../../core/platform/ports';
import { electronPresence } from './touch-id';

/**
 * The raw OS clipboard format clipboard managers read as "this is a password, do not keep it":
 * macOS's nspasteboard.org convention, Windows' history/monitor exclusion, KDE's (and CopyQ's) hint.
 */
export function concealedFormat(platform: NodeJS.Platform): { format: string; value: string } | null {
  switch (platform) {
    case 'darwin':
      return { format: 'org.nspasteboard.ConcealedType', value: '' };
    case 'win32':
      return { format: 'ExcludeClipboardContentFromMonitorProcessing', value: '' };
    case 'linux':
      return { format: 'x-kde-passwordManagerHint', value: 'secret' };
    default:
      return null;
  }
}

/** Electron's raw-format key for ClipboardItem: the OS format name, not a web MIME type. */
const osFormat = (format: string): string => `electron application/osclipboard;format="${format}"`;

export function electronClipboard(platform: NodeJS.Platform = process.platform): ClipboardPort {
  const concealed = concealedFormat(platform);
  return {
    async writeSecret(text) {
      // One write: the text and the concealed marker are committed together, atomically.
      const items: Record<string, string> = { 'text/plain': text };
      if (concealed) items[osFormat(concealed.format)] = concealed.value;
      await clipboard.write([new ClipboardItem(items)]);
    },
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}

export function electronPower(): PowerPort {
  return {
    on(event: PowerEvent, listener: () => void) {
      // Typed per event in Electron's overloads; both events take a no-argument listener.
      if (event === 'lock-screen') powerMonitor.on('lock-screen', listener);
      else powerMonitor.on('suspend', listener);
      return () => {
        if (event === 'lock-screen') powerMonitor.off('lock-screen', listener);
        else powerMonitor.off('suspend', listener);
      };
    },
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
  };
}

/** Must be called after `app.whenReady()`: powerMonitor is not usable before. */
export function electronPlatform(): Platform {
  const presence = electronPresence();
  return { clipboard: electronClipboard(), power: electronPower(), ...(presence ? { presence } : {}) };
}
