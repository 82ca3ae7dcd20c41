import { describe, expect, it, vi } from 'vitest';
import { CoreEvents } from '../../electron/core/events';
import { forwardEvents } from '../../electron/main/ipc/event-forwarder';
import { FakeWebContents } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

const APP = 'app://keyhaven/index.html';

function setUp(url = APP) {
  const events = new CoreEvents();
  const contents = new FakeWebContents();
  contents.mainFrame.url = url;
  const logged: string[] = [];
  let window: FakeWebContents | null = contents;
  const stop = forwardEvents({
    events,
    mainContents: () => window as never,
    isAppUrl: (candidate) => candidate.startsWith(APP),
    log: (line) => logged.push(line),
  });
  return { events, contents, logged, stop, closeWindow: () => (window = null) };
}

describe('events from main to the page', () => {
  it('sends each event with its checked payload to the app’s own window', () => {
    const { events, contents } = setUp();
    events.emit('data:changed', { parts: ['keys'] });
    events.emit('vaults:locked', { reason: 'screen-lock' });
    expect(contents.sent).toEqual([
      { channel: 'data:changed', args: [{ parts: ['keys'] }] },
      { channel: 'vaults:locked', args: [{ reason: 'screen-lock' }] },
    ]);
  });

  it('sends nothing to a page that is not Keyhaven’s, a destroyed window or no window', () => {
    const foreign = setUp('https://evil.example/');
    foreign.events.emit('data:changed', { parts: ['vaults'] });
    expect(foreign.contents.sent).toEqual([]);

    const gone = setUp();
    gone.contents.destroyed = true;
    gone.events.emit('data:changed', { parts: ['vaults'] });
    expect(gone.contents.sent).toEqual([]);

    const closed = setUp();
    closed.closeWindow();
    expect(() => closed.events.emit('data:changed', { parts: ['vaults'] })).not.toThrow();
  });

  it('refuses a payload outside the contract, and stops on unsubscribe', () => {
    const { events, contents, logged, stop } = setUp();
    events.emit('data:changed', { parts: ['everything'] } as never);
    expect(contents.sent).toEqual([]);
    expect(logged).toEqual(['[keyhaven] data:changed not sent: its payload does not match the contract']);
    stop();
    events.emit('data:changed', { parts: ['keys'] });
    expect(contents.sent).toEqual([]);
  });
});
