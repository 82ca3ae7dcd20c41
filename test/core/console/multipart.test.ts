import { describe, expect, it } from 'vitest';
import {
  MULTIPART_FORM,
  multipartContentType,
  multipartPayload,
  newBoundary,
  typedBoundary,
} from '../../../shared/console/multipart';
import { wireBody } from '../../../shared/console/wire';
import { multipartFields } from '../../support/multipart-fields';

/** The multipart body the console writes (shared/console/multipart.ts), read back by undici's own parser. */
const parsed = multipartFields;

describe('multipart bodies', () => {
  it('write each part as curl does: name escaped, Content-Type only when given, value as is', () => {
    const payload = multipartPayload(
      [
        { name: 'a', value: '1', contentType: '' },
        { name: 'say"hi"\r\n', value: 'line 1\r\nline 2; "quoted"', contentType: 'application/json; charset=UTF-8' },
        { name: 'empty', value: '', contentType: '' },
      ],
      'B0UND',
    );
    expect(payload).toBe(
      '--B0UND\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n' +
        '--B0UND\r\nContent-Disposition: form-data; name="say%22hi%22%0D%0A"\r\nContent-Type: application/json; charset=UTF-8\r\n\r\nline 1\r\nline 2; "quoted"\r\n' +
        '--B0UND\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n' +
        '--B0UND--\r\n',
    );
  });

  it('parse back with a standard multipart parser, unicode included', async () => {
    const boundary = newBoundary();
    const parts = [
      { name: 'greeting', value: 'café ☕ & más', contentType: '' },
      { name: 'meta', value: '{"n":1}', contentType: 'application/json' },
    ];
    expect(await parsed(multipartPayload(parts, boundary), multipartContentType(null, boundary))).toEqual([
      ['greeting', 'café ☕ & más'],
      ['meta', '{"n":1}'],
    ]);
  });

  it('use a fresh 40-character boundary shaped like curl’s', () => {
    const seen = new Set(Array.from({ length: 50 }, () => newBoundary()));
    expect(seen.size).toBe(50);
    for (const boundary of seen) expect(boundary).toMatch(/^-{24}[0-9a-f]{16}$/);
  });

  it('take the boundary a typed Content-Type names, or add one to it', () => {
    expect(typedBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(typedBoundary('multipart/form-data; charset=utf-8; Boundary="a b"')).toBe('a b');
    expect(typedBoundary('multipart/form-data')).toBeNull();
    expect(multipartContentType(null, 'X')).toBe(`${MULTIPART_FORM}; boundary=X`);
    expect(multipartContentType('multipart/form-data; charset=utf-8', 'X')).toBe(
      'multipart/form-data; charset=utf-8; boundary=X',
    );
    expect(multipartContentType('multipart/form-data; boundary=mine', 'X')).toBe('multipart/form-data; boundary=mine');
  });

  it('wireBody: the payload and its Content-Type agree on the boundary', async () => {
    const body = { kind: 'multipart' as const, parts: [{ name: 'q', value: 'x', contentType: '' }] };
    const fresh = wireBody(body, null);
    const boundary = typedBoundary(fresh.contentType ?? '');
    expect(fresh.payload).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="q"\r\n\r\nx\r\n--${boundary}--\r\n`,
    );
    const typed = wireBody(body, 'multipart/form-data; boundary=mine');
    expect(typed.contentType).toBe('multipart/form-data; boundary=mine');
    expect(await parsed(typed.payload ?? '', typed.contentType ?? '')).toEqual([['q', 'x']]);
    expect(wireBody({ kind: 'form', fields: [{ name: 'a b', value: '1&2' }] }, null)).toEqual({
      payload: 'a+b=1%262',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(wireBody({ kind: 'none' }, 'text/plain')).toEqual({ payload: null, contentType: null });
  });
});
