import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

const { electronPresence } = await import('../../electron/main/platform/touch-id');
const { electronPlatform } = await import('../../electron/main/platform/electron-platform');

beforeEach(() => electron.reset());

describe('Touch ID as the presence check (issue 14)', () => {
  it('on a Mac with a sensor: confirm() prompts with the reason and answers whether the user confirmed', async () => {
    electron.systemPreferences.canPrompt = true;
    const presence = electronPresence('darwin')!;
    expect(presence.kind).toBe('touch-id');
    expect(await presence.confirm('unlock the vault "Personal"')).toBe(true);
    electron.systemPreferences.answer = 'cancel';
    expect(await presence.confirm('unlock the vault "Team"')).toBe(false);
    expect(electron.systemPreferences.prompts).toEqual(['unlock the vault "Personal"', 'unlock the vault "Team"']);
  });

  it('no port on a Mac without an enrolled sensor, nor on Linux or Windows (where it is never asked)', () => {
    expect(electronPresence('darwin')).toBeUndefined();
    electron.systemPreferences.canPrompt = true;
    expect(electronPresence('linux')).toBeUndefined();
    expect(electronPresence('win32')).toBeUndefined();
    expect(electron.systemPreferences.prompts).toEqual([]);
  });

  it('the platform main gives the core carries it only where it exists', () => {
    electron.systemPreferences.canPrompt = true;
    const expected = process.platform === 'darwin' ? 'touch-id' : undefined;
    expect(electronPlatform().presence?.kind).toBe(expected);
  });
});
