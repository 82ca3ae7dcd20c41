import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardGuard } from '../../electron/core/vaults/clipboard-guard';
import { MemoryPlatform } from '../support/memory-platform';
import { electron, FakeClipboardItem } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

const { concealedFormat, electronClipboard, electronPlatform, electronPower } =
  await import('../../electron/main/platform/electron-platform');

beforeEach(() => electron.reset());

const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0abcdef';
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;

describe('the Electron clipboard port', () => {
  it.each([
    ['darwin', 'org.nspasteboard.ConcealedType', ''],
    ['win32', 'ExcludeClipboardContentFromMonitorProcessing', ''],
    ['linux', 'x-kde-passwordManagerHint', 'secret'],
  ] as const)('%s: the text and the concealed marker %s go in ONE write', async (platform, format, marker) => {
    await electronClipboard(platform).writeSecret(KEY);
    expect(electron.clipboard.writes).toHaveLength(1);
    const [items] = electron.clipboard.writes;
    expect(items).toHaveLength(1);
    expect(items![0]).toBeInstanceOf(FakeClipboardItem);
    expect(items![0]!.items).toEqual({ 'text/plain': KEY, [raw(format)]: marker });
    expect(electron.calls.filter((call) => call.startsWith('clipboard.'))).toEqual(['clipboard.write']);
    expect(concealedFormat(platform)).toEqual({ format, value: marker });
  });

  it('on a platform without a convention: the text alone, still through write', async () => {
    await electronClipboard('freebsd').writeSecret(KEY);
    expect(electron.clipboard.writes.map((items) => items.map((item) => item.types))).toEqual([[['text/plain']]]);
    expect(concealedFormat('freebsd')).toBeNull();
  });

  it('readText and clear go to the system clipboard', async () => {
    const port = electronClipboard('linux');
    await port.writeSecret(KEY);
    expect(await port.readText()).toBe(KEY);
    electron.clipboard.text = 'copied elsewhere';
    expect(await port.readText()).toBe('copied elsewhere');
    port.clear();
    expect(electron.clipboard.clears).toBe(1);
    expect(await port.readText()).toBe('');
  });

  it('with the clipboard guard: cleared when unchanged, left alone when the user copied something else', async () => {
    const timers = new MemoryPlatform();
    const guard = new ClipboardGuard(electronClipboard('darwin'), timers.timers);
    await guard.copy(KEY, 30);
    await timers.runTimers();
    expect(electron.clipboard.clears).toBe(1);
    await guard.copy(KEY, 30);
    electron.clipboard.text = 'the user copied this';
    await timers.runTimers();
    expect(electron.clipboard.clears).toBe(1);
    expect(electron.clipboard.text).toBe('the user copied this');
  });

  it('uses the process platform by default', async () => {
    await electronPlatform().clipboard.writeSecret(KEY);
    const expected = concealedFormat(process.platform);
    const types = electron.clipboard.writes[0]![0]!.types;
    expect(types).toEqual(expected ? ['text/plain', raw(expected.format)] : ['text/plain']);
  });
});

describe('the Electron power port', () => {
  it.each(['lock-screen', 'suspend'] as const)(
    'on(%s) subscribes to powerMonitor; the returned function unsubscribes',
    (event) => {
      const power = electronPower();
      const heard: string[] = [];
      const off = power.on(event, () => heard.push(event));
      expect(electron.powerMonitor.listenerCount(event)).toBe(1);
      electron.powerMonitor.emit(event);
      expect(heard).toEqual([event]);
      // The other event does not reach this listener.
      electron.powerMonitor.emit(event === 'lock-screen' ? 'suspend' : 'lock-screen');
      expect(heard).toEqual([event]);
      off();
      expect(electron.powerMonitor.listenerCount(event)).toBe(0);
      electron.powerMonitor.emit(event);
      expect(heard).toEqual([event]);
    },
  );

  it('unsubscribing one listener leaves the others', () => {
    const power = electronPower();
    let a = 0;
    let b = 0;
    const offA = power.on('lock-screen', () => a++);
    power.on('lock-screen', () => b++);
    offA();
    electron.powerMonitor.emit('lock-screen');
    expect([a, b]).toEqual([0, 1]);
  });

  it('idleSeconds reads getSystemIdleTime', () => {
    const power = electronPlatform().power;
    electron.powerMonitor.idleSeconds = 0;
    expect(power.idleSeconds()).toBe(0);
    electron.powerMonitor.idleSeconds = 601;
    expect(power.idleSeconds()).toBe(601);
  });
});
