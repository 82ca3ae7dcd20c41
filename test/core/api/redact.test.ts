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
