import { describe, expect, it } from 'vitest';
import { readFormPart } from '../../../shared/console/curl-form';
import { importCurl, type CurlImport } from '../../../shared/console/curl-import';

/**
 * `-F` and `--form-string` (issue 16): each argument read as curl 7.88's tool_formparse.c reads it.
 * The corpus test (curl-fidelity.test.ts) checks the same shapes against the real curl, byte for byte.
 */
const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';

function ok(result: CurlImport) {
  if (!result.ok) throw new Error(`expected an import, got: ${result.error}`);
  return result;
}
const part = (spec: string, literal = false) => {
  const read = readFormPart(spec, literal, '-F');
  if ('error' in read) throw new Error(read.error);
  return read.part;
};

describe('readFormPart', () => {
  it('an unquoted value ends at ; with spaces trimmed; ;type= takes the rest', () => {
    expect(part('a= x y ')).toEqual({ name: 'a', value: 'x y', contentType: '' });
    expect(part('msg=Hi; I would like a demo.')).toEqual({ name: 'msg', value: 'Hi', contentType: '' });
    expect(part('meta={"a":1};type=application/json; charset=UTF-8')).toEqual({
      name: 'meta',
      value: '{"a":1}',
      contentType: 'application/json; charset=UTF-8',
    });
    expect(part('a=1;TYPE= text/csv ')).toEqual({ name: 'a', value: '1', contentType: 'text/csv' });
    expect(part('e=;type=a/b')).toEqual({ name: 'e', value: '', contentType: 'a/b' });
  });

  it('a quoted value keeps ; and unescapes \\" and \\\\; what follows the quote is dropped with a note', () => {
    expect(part('n="a;b \\"c\\" d:\\\\x"')).toEqual({ name: 'n', value: 'a;b "c" d:\\x', contentType: '' });
    const trailing = readFormPart('n="v" tail;type=text/plain', false, '-F');
    expect(trailing).toEqual({
      part: { name: 'n', value: 'v', contentType: 'text/plain' },
      notes: ['curl drops what follows the closing quote of the part "n"; so does the import.'],
    });
    // No closing quote: the quote is part of the value.
    expect(part('d="open;type=x/y')).toEqual({ name: 'd', value: '"open', contentType: 'x/y' });
  });

  it('skips an unknown ;word with a note, as curl does', () => {
    expect(readFormPart('q=SELECT 1;limit=5', false, '-F')).toEqual({
      part: { name: 'q', value: 'SELECT 1', contentType: '' },
      notes: ['curl skips a ";limit…" in the part "q" (it is not a part option), and so does the import.'],
    });
  });

  it('trims only curl’s six ASCII spaces: a no-break space stays in the value', () => {
    expect(part('a= x\u00a0 ')).toEqual({ name: 'a', value: 'x\u00a0', contentType: '' });
    expect(readFormPart('a=1; \u00a0type=text/plain', false, '-F')).toMatchObject({
      part: { name: 'a', value: '1', contentType: '' },
    });
  });

  it('never repeats a value or an option’s value in a message (a key pasted there stays out of it)', () => {
    const secret = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const messages = [
      readFormPart(secret, false, '-F'),
      readFormPart(`=${secret}`, false, '-F'),
      readFormPart(`a=1;token=${secret}`, false, '-F'),
      readFormPart(`a=1;type=${secret}`, false, '-F'),
    ].map((read) => ('error' in read ? read.error : read.notes.join(' ')));
    expect(messages.every((message) => message.length > 20)).toBe(true);
    for (const message of messages) expect(message).not.toContain(secret);
  });

  it('--form-string takes the value literally', () => {
    expect(part('message=@oncall <db-1>; "down";type=x/y', true)).toEqual({
      name: 'message',
      value: '@oncall <db-1>; "down";type=x/y',
      contentType: '',
    });
  });

  it('refuses file parts and part options it cannot send, naming the part', () => {
    const error = (spec: string) => {
      const read = readFormPart(spec, false, '-F');
      return 'error' in read ? read.error : '';
    };
    expect(error('file=@photo.jpg;type=image/jpeg')).toContain(
      'The part "file" uploads the file photo.jpg (-F file=@photo.jpg)',
    );
    expect(error('data=<body.json')).toContain('The part "data" reads its value from the file body.json');
    expect(error('a=1;filename=z.txt')).toContain('sets ;filename=');
    expect(error('a=1;headers="X-A: 1"')).toContain('sets ;headers=');
    expect(error('a=1;type=plain')).toContain('give it as type/subtype');
    expect(error('nested=(;type=multipart/mixed')).toContain('opens a nested multipart');
    expect(error(`a=1;type=${'x'.repeat(128)}/plain`)).toContain('give it as type/subtype');
    expect(error('novalue')).toContain('without name=value');
    expect(error('=v')).toContain('has no name');
  });
});

describe('importCurl with -F', () => {
  it('a POST of the parts, the key lifted, a multipart Content-Type row kept for the boundary', () => {
    const { request, notes } = ok(
      importCurl(`curl https://api.example.com/v1/messages \\
  -H 'X-API-Key: ${KEY}' -H 'Content-Type: multipart/form-data' \\
  --form 'to="+15555550123"' --form-string 'body=@home; 10:00'`),
    );
    expect(request.method).toBe('POST');
    expect(request.auth).toEqual({ kind: 'typed', key: KEY, scheme: { kind: 'x-api-key' } });
    expect(request.headers).toEqual([{ name: 'Content-Type', value: 'multipart/form-data', enabled: true }]);
    expect(request.body).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'to', value: '+15555550123', contentType: '' },
        { name: 'body', value: '@home; 10:00', contentType: '' },
      ],
    });
    expect(notes.join(' ')).not.toContain(KEY);
  });

  it('keeps -X PUT; -G changes nothing for a form', () => {
    expect(ok(importCurl(`curl -X PUT https://a.example.com -F a=1`)).request.method).toBe('PUT');
    expect(ok(importCurl(`curl -G https://a.example.com -F a=1`)).request.method).toBe('POST');
  });

  it('refuses what curl refuses or would send differently', () => {
    const error = (command: string) => {
      const result = importCurl(command);
      return result.ok ? '' : result.error;
    };
    expect(error(`curl -d a=1 -F b=2 https://a.example.com`)).toContain('You can only select one HTTP request method');
    expect(error(`curl -I -F b=2 https://a.example.com`)).toContain('You can only select one HTTP request method');
    expect(error(`curl -H 'Content-Type: application/json' -F a=1 https://a.example.com`)).toContain('as attachments');
    expect(error(`curl -H 'Content-Type: multipart/form-data; boundary=x' -F a=1 https://a.example.com`)).toContain(
      'its own boundary',
    );
    expect(error(`curl -H 'Content-Type:' -F a=1 https://a.example.com`)).toContain('empty Content-Type');
    // curl takes the first Content-Type, the empty one, and keeps spaces and tabs typed around a value.
    expect(
      error(`curl -H 'Content-Type:' -H 'Content-Type: multipart/form-data' -F a=1 https://a.example.com`),
    ).toContain('empty Content-Type');
    expect(error(`curl -H 'Content-Type:  multipart/form-data  ' -F a=1 https://a.example.com`)).toContain(
      'spaces or tabs',
    );
    expect(error(`curl -H $'Content-Type:\tmultipart/form-data' -F a=1 https://a.example.com`)).toContain(
      'spaces or tabs',
    );
    // A value attached to -F holds the shell's variable as much as a separate word does.
    expect(error(`curl -F"token=$API_KEY" https://a.example.com`)).toContain('$API_KEY');
    expect(error(`curl -d"key=$API_KEY" https://a.example.com`)).toContain('$API_KEY');
    expect(error(`curl -F 'photo=@me.png' -F caption=hi https://a.example.com`)).toContain(
      'The part "photo" uploads the file me.png (-F photo=@me.png)',
    );
  });
});
