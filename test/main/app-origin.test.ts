import { describe, expect, it } from 'vitest';
import { describeOrigin, isAppUrl, resolveAppPage } from '../../electron/main/app-origin';

const INDEX = '/opt/Key haven/out/renderer/index.html';

describe('resolveAppPage', () => {
  it('is the built index.html served as app://keyhaven/ by default', () => {
    expect(resolveAppPage({ devUrl: undefined, isPackaged: false, indexFile: INDEX })).toEqual({
      kind: 'app',
      folder: '/opt/Key haven/out/renderer',
      url: 'app://keyhaven/index.html',
    });
  });

  it('is the dev server when electron-vite dev sets ELECTRON_RENDERER_URL', () => {
    expect(resolveAppPage({ devUrl: 'http://localhost:5173', isPackaged: false, indexFile: INDEX })).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(resolveAppPage({ devUrl: 'http://localhost:5173', isPackaged: true, indexFile: INDEX }).kind).toBe('app');
  });

  it('refuses a dev URL that is not a loopback http server', () => {
    for (const devUrl of ['https://evil.example', 'http://192.168.1.5:5173', 'file:///tmp/x.html']) {
      expect(() => resolveAppPage({ devUrl, isPackaged: false, indexFile: INDEX })).toThrow(/ELECTRON_RENDERER_URL/);
    }
  });
});

describe('isAppUrl', () => {
  const built = resolveAppPage({ devUrl: undefined, isPackaged: true, indexFile: INDEX });
  const dev = resolveAppPage({ devUrl: 'http://localhost:5173/', isPackaged: false, indexFile: INDEX });

  it('accepts the page with any route or query', () => {
    expect(isAppUrl(built, 'app://keyhaven/index.html')).toBe(true);
    expect(isAppUrl(built, 'app://keyhaven/index.html#/apps/1?tab=keys')).toBe(true);
    expect(isAppUrl(built, 'app://keyhaven/assets/../index.html?x=1')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
  });

  it('refuses every other page', () => {
    for (const url of [
      'app://keyhaven/other.html',
      'app://keyhaven/',
      'app://evil/index.html',
      'app://user:pw@keyhaven/index.html',
      'app://keyhaven:8080/index.html',
      'file:///opt/Key%20haven/out/renderer/index.html',
      'file:///tmp/index.html',
      'https://evil.example/',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(built, url)).toBe(false);
    }
    for (const url of ['http://localhost:5174/', 'http://127.0.0.1:5173/', 'https://localhost:5173/', built.url]) {
      expect(isAppUrl(dev, url)).toBe(false);
    }
  });
});

describe('describeOrigin', () => {
  it('keeps paths, queries and fragments out of log lines', () => {
    expect(describeOrigin('https://evil.example/steal?key=abc#x')).toBe('https://evil.example');
    expect(describeOrigin('file:///home/ada/secret.html')).toBe('a file: page');
    expect(describeOrigin('::')).toBe('an unparsable URL');
  });
});
