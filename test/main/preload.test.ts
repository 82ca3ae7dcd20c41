import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, splitChannel } from '../../shared/ipc/channels';
import { EVENTS, subscriptionName } from '../../shared/ipc/events';
import { electron } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

type ExposedApi = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

/** The domains and methods the contract defines: `{ apps: ['create', 'get', 'list'], … }`. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = splitChannel(channel);
    (shape[domain] ??= []).push(method);
  }
  shape.events = EVENTS.map((event) => subscriptionName(event));
  for (const methods of Object.values(shape)) methods.sort();
  return shape;
}

function shapeOf(api: ExposedApi): Record<string, string[]> {
  return Object.fromEntries(Object.entries(api).map(([domain, methods]) => [domain, Object.keys(methods).sort()]));
}

let api: ExposedApi;

beforeAll(async () => {
  electron.reset();
  await import('../../electron/preload/index');
  api = electron.exposed.get('keyhaven') as ExposedApi;
});

describe('the preload', () => {
  it("exposes only 'keyhaven'", () => {
    expect([...electron.exposed.keys()]).toEqual(['keyhaven']);
  });

  it('exposes exactly the domains and methods derived from CHANNELS', () => {
    expect(shapeOf(api)).toEqual(expectedShape());
    for (const methods of Object.values(api)) {
      for (const method of Object.values(methods)) expect(method).toEqual(expect.any(Function));
    }
  });

  it('has no generic door: no invoke, send, on or ipcRenderer anywhere', () => {
    const names = [...Object.keys(api), ...Object.values(api).flatMap((methods) => Object.keys(methods))];
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(names).not.toContain(forbidden);
  });

  it.each(EVENTS)('%s: a subscription listens to that event only, hands over its payload alone, and stops', (event) => {
    const heard: unknown[] = [];
    const subscribe = (api.events as unknown as Record<string, (listener: (p: unknown) => void) => () => void>)[
      subscriptionName(event)
    ]!;
    const stop = subscribe((payload) => heard.push(payload));
    expect([...electron.rendererListeners.keys()]).toContain(event);
    const ipcEvent = { sender: 'the ipcRenderer event must not reach the page' };
    for (const listener of electron.rendererListeners.get(event)!) listener(ipcEvent, { parts: ['keys'] });
    expect(heard).toEqual([{ parts: ['keys'] }]);
    stop();
    expect(electron.rendererListeners.get(event)?.size).toBe(0);
    expect(() => subscribe('not a function' as never)).toThrow(TypeError);
  });

  it.each(CHANNELS)('%s calls ipcRenderer.invoke with its own channel and passes the answer back', async (channel) => {
    const [domain, method] = splitChannel(channel);
    electron.rendererInvokes = [];
    electron.rendererInvokeResult = { ok: true, value: channel };
    const input = { probe: channel };
    const answer = await api[domain]?.[method]?.(input);
    expect(electron.rendererInvokes).toEqual([{ channel, args: [input] }]);
    expect(answer).toEqual({ ok: true, value: channel });
  });
});
