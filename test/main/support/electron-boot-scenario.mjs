// The boot smoke test's scenario: what the renderer and the user would do once the built main bundle
// has opened its window (fetch the page through app://, call channels, copy, lock the screen), then
// close the window as a user would. Its findings go into report.scenario.
const BOOT_SECRET = 'boot-smoke-secret-7Hq2';

/** `context`: the stub's app, ipc handlers, protocol handlers, powerMonitor, session, report, event class. */
export async function runScenario(window, context) {
  const { app, handlers, protocolHandlers, powerMonitor, session, report, clipboardText, StubEvent } = context;
  const contents = window.webContents;
  const s = report.scenario;
  window.emit('ready-to-show');
  s.page = await fetchPage(protocolHandlers.get('app'));
  const fromPage = { sender: contents, senderFrame: contents.mainFrame };
  s.create = await handlers.get('apps:create')?.(fromPage, { name: 'Boot smoke' });
  s.list = await handlers.get('apps:list')?.(fromPage, {});
  const foreignFrame = { url: 'https://evil.example/', parent: null };
  s.foreign = await handlers.get('apps:list')?.({ sender: contents, senderFrame: foreignFrame }, {});
  const navigation = new StubEvent({ url: 'https://evil.example/' });
  contents.emit('will-navigate', navigation);
  s.navigationPrevented = navigation.defaultPrevented;
  s.openFile = contents.windowOpenHandler?.({ url: 'file:///etc/passwd' });
  s.openHttps = contents.windowOpenHandler?.({ url: 'https://example.com/docs' });
  let granted = null;
  session.defaultSession.request?.(contents, 'media', (answer) => (granted = answer), {
    requestingUrl: contents.mainFrame.url,
    isMainFrame: true,
  });
  s.mediaGranted = granted;
  // Vaults: the default vault of a first run, Copy as header in main, locking on the OS screen lock.
  const call = (channel, input = {}) => handlers.get(channel)?.(fromPage, input);
  s.vaults = await call('vaults:list');
  const vaultId = s.vaults?.value?.[0]?.id;
  const added = await call('entries:add', { vaultId, name: 'Boot entry', preset: 'pyas', secret: BOOT_SECRET });
  s.added = { ok: added?.ok, scheme: added?.value?.scheme };
  s.copy = await call('entries:copy', { entryId: added?.value?.id, format: 'header' });
  s.copiedText = clipboardText() === `x-api-key: ${BOOT_SECRET}` ? 'x-api-key header' : 'something else';
  powerMonitor.emit('lock-screen');
  s.afterScreenLock = await call('vaults:list');
  s.revealAfterLock = await call('entries:reveal', { entryId: added?.value?.id });
  window.emit('closed');
  app.emit('window-all-closed');
}

/** The page and its first script as the window would get them through the app:// handler. */
async function fetchPage(handler) {
  if (!handler) return { error: 'no app:// handler' };
  const page = await handler(new Request('app://keyhaven/index.html'));
  const html = await page.text();
  const script = html.match(/src="([^"]+\.js)"/)?.[1];
  const scriptResponse = script ? await handler(new Request(new URL(script, 'app://keyhaven/index.html'))) : null;
  const escape = await handler(new Request('app://keyhaven/../../package.json'));
  return {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    hasRoot: html.includes('<div id="root">'),
    scriptType: scriptResponse?.headers.get('content-type') ?? null,
    escapeStatus: escape.status,
  };
}
