import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondFromFolder } from '../../electron/main/app-files';
import { APP_CSP, cspHeader } from '../../shared/security/csp';
import { makeTempDir } from '../support/temp-dir';

describe('app://keyhaven/ serves the built renderer folder and nothing else', () => {
  let temp: { path: string; remove: () => Promise<void> };
  let root: string;

  beforeAll(async () => {
    temp = await makeTempDir('keyhaven-app-files');
    root = join(temp.path, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
    await writeFile(join(root, 'assets', 'notes.unknown'), 'x');
    await writeFile(join(temp.path, 'secret.txt'), 'outside the folder');
    await symlink(join(temp.path, 'secret.txt'), join(root, 'assets', 'link.txt'));
  });
  afterAll(() => temp.remove());

  const get = (url: string, method = 'GET') => respondFromFolder(method, url, root);

  it('answers the page with the CSP as a response header, and the other security headers', async () => {
    const response = await get('app://keyhaven/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(cspHeader(APP_CSP));
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('answers scripts and styles with their types, a route or query ignored', async () => {
    const script = await get('app://keyhaven/assets/index-abc.js?v=1#x');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://keyhaven/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const head = await get('app://keyhaven/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses other methods, hosts, escapes, folders, symlinks out and unknown types', async () => {
    expect((await get('app://keyhaven/index.html', 'POST')).status).toBe(405);
    for (const url of [
      'app://evil/index.html',
      'app://user:pw@keyhaven/index.html',
      'app://keyhaven/',
      'app://keyhaven/assets',
      'app://keyhaven/%2e%2e/secret.txt',
      'app://keyhaven/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://keyhaven/..%5csecret.txt',
      'app://keyhaven/index.html%00.js',
      'app://keyhaven/%E0%A4%A',
      'app://keyhaven/assets/link.txt',
      'app://keyhaven/assets/notes.unknown',
      'app://keyhaven/missing.js',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not Found');
      expect(response.headers.get('content-security-policy')).toBe(cspHeader(APP_CSP));
    }
  });
});
