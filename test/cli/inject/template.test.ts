import { describe, expect, it } from 'vitest';
import { findTemplateReferences, renderTemplate } from '../../../electron/cli/inject/template';

const template = [
  'db_password: {{ kh://prod/postgres/password }}',
  'api_key: {{kh://prod/stripe}}',
  'again: {{   kh://prod/postgres/password   }}',
  'helm: {{ .Values.image }} and {{- include "x" . }}',
  '',
].join('\n');

describe('findTemplateReferences', () => {
  it('finds each kh:// reference once, in order, trimmed but otherwise as written', () => {
    expect(findTemplateReferences(template)).toEqual(['kh://prod/postgres/password', 'kh://prod/stripe']);
  });

  it('finds nothing in a template without kh:// placeholders', () => {
    expect(findTemplateReferences('{{ .Values.x }} {{kh:/not-ours}} kh://bare/text')).toEqual([]);
  });

  it('names the line of a placeholder left open', () => {
    expect(() => findTemplateReferences('ok\nfine {{ kh://a/b }}\nbroken {{ kh://a/c\n}}')).toThrow(
      expect.objectContaining({ kind: 'USAGE', message: 'line 3: {{ kh://… is not closed with }} on the same line' }),
    );
    expect(() => findTemplateReferences('{{ kh://a/b')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^line 1:/) }),
    );
  });
});

describe('renderTemplate', () => {
  it('replaces every placeholder and leaves other {{ … }} text untouched', () => {
    const values = new Map([
      ['kh://prod/postgres/password', 'pg-secret'],
      ['kh://prod/stripe', 'sk_live_1'],
    ]);
    expect(renderTemplate(template, values)).toBe(
      [
        'db_password: pg-secret',
        'api_key: sk_live_1',
        'again: pg-secret',
        'helm: {{ .Values.image }} and {{- include "x" . }}',
        '',
      ].join('\n'),
    );
  });

  it('inserts values literally, without reading placeholders inside them', () => {
    const values = new Map([
      ['kh://a/b', '{{ kh://a/c }} $1 $&'],
      ['kh://a/c', 'never'],
    ]);
    expect(renderTemplate('x={{ kh://a/b }};', values)).toBe('x={{ kh://a/c }} $1 $&;');
  });

  it('refuses to render a reference it was given no value for', () => {
    expect(() => renderTemplate('{{ kh://a/b }}', new Map())).toThrow(expect.objectContaining({ kind: 'INTERNAL' }));
  });
});
