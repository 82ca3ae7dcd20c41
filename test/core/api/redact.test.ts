import { describe, expect, it } from 'vitest';
import { redact } from '../../../electron/core/api/redact';
import { formatKey, newKeyId } from '../../../electron/core/keys/key-format';

describe('redact', () => {
  it('masks Keyhaven keys and long opaque tokens, keeps ordinary text', () => {
    const key = formatKey('pyas', newKeyId());
    const out = redact(`failed for ${key} with token sk_live_51Habcdefghijklmnopqrstuv in /home/me/data.json`);
    expect(out).not.toContain(key.split('.')[1]);
    expect(out).not.toContain('51Habcdefghijklmnopqrstuv');
    expect(out).toContain('failed for');
    expect(out).toContain('/home/me/data.json');
  });
});

describe('redact keeps file paths readable', () => {
  const paths = [
    '/home/ada/.config/Keyhaven/keyhaven.json',
    '/Users/ada/Library/Application Support/Keyhaven/vaults.json.journal',
    '/home/ada/.config/Keyhaven/backups/keyhaven-20261203-091405.json',
    '/tmp/keyhaven-recovery-TgGTtW/vaults.json.damaged-20261203-082658',
    'C:/Users/ada/AppData/Roaming/Keyhaven/console.json',
    '/work/main/node_modules/electron-builder/out/index.js',
  ];

  it.each(paths)('keeps %s', (path) => {
    expect(redact(`Keyhaven's data file ${path} is damaged.`)).toBe(`Keyhaven's data file ${path} is damaged.`);
  });

  it('still masks base64 and base64url secrets, whatever slashes they hold', () => {
    for (const secret of [
      'q3Rk+9bX/0aPzLm7VfW2sT8uYc4nHe1Jd6oKiQgRxA0=',
      'Zm9vYmFyYmF6cXV4L2xvbmcvc2VjcmV0L3ZhbHVlcw',
      'x9Qw2Lm/Pz7Rt4Kb8Nv3Hs6Jd1Fg5Yc0/Ue2Wq9ZaLo',
      'sk_live_51HqZ8xYb2T9vKmNpQrStUvWx/aB3cD4eF5gH',
    ]) {
      const out = redact(`the server said ${secret} back`);
      expect(out, secret).not.toContain(secret.slice(4, 16));
      expect(out).toContain('the server said');
    }
  });
});
