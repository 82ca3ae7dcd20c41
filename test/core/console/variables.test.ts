// `{{variables}}` (issue 13): found, filled and split for highlighting; a credential header that only
// names a variable is stored as written, one holding a literal value is still blanked.
import { describe, expect, it } from 'vitest';
import { sanitizeRequest } from '../../../electron/core/console/sanitize';
import { consoleRequestSchema } from '../../../shared/console/request';
import {
  fillRequest,
  fillText,
  onlyVariables,
  requestVariables,
  templateParts,
  variablesIn,
} from '../../../shared/console/variables';

describe('variables', () => {
  it('finds, fills and splits', () => {
    expect(variablesIn('{{ baseUrl }}/v1/{{id}}?x={{id}}')).toEqual(['baseUrl', 'id']);
    expect(fillText('{{baseUrl}}/v1/{{missing}}', new Map([['baseUrl', 'https://a.example']]))).toBe(
      'https://a.example/v1/{{missing}}',
    );
    expect(templateParts('Bearer {{apiKey}}!')).toEqual([
      { kind: 'text', text: 'Bearer ' },
      { kind: 'variable', name: 'apiKey', text: '{{apiKey}}' },
      { kind: 'text', text: '!' },
    ]);
    expect(onlyVariables('Bearer {{apiKey}}')).toBe(true);
    expect(onlyVariables('{{apiKey}}')).toBe(true);
    expect(onlyVariables('Bearer sk_live_{{x}}')).toBe(false);
    expect(onlyVariables('Bearer abc')).toBe(false);
  });

  it('counts only what would be sent: disabled rows do not need their variables', () => {
    const request = consoleRequestSchema.parse({
      method: 'POST',
      url: '{{baseUrl}}/items',
      headers: [
        { name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true },
        { name: 'X-Old', value: '{{oldKey}}', enabled: false },
      ],
      body: { kind: 'json', text: '{"owner":"{{owner}}"}' },
    });
    expect(requestVariables(request)).toEqual(['baseUrl', 'apiKey', 'owner']);
  });

  it('stores a credential header or key parameter that names a variable; blanks a literal one', () => {
    const request = consoleRequestSchema.parse({
      method: 'GET',
      url: '{{baseUrl}}/items?api_key={{apiKey}}&token=literal-token',
      headers: [
        { name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true },
        { name: 'X-API-Key', value: 'literal-key', enabled: true },
      ],
      query: [{ name: 'key', value: '{{apiKey}}', enabled: true }],
    });
    const { request: stored, secretsRemoved } = sanitizeRequest(request, [], 1024);
    expect(secretsRemoved).toBe(true);
    expect(stored.url).toBe('{{baseUrl}}/items?api_key={{apiKey}}&token=');
    expect(stored.headers).toEqual([
      { name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true },
      { name: 'X-API-Key', value: '', enabled: false },
    ]);
    expect(stored.query).toEqual([{ name: 'key', value: '{{apiKey}}', enabled: true }]);
  });

  it('multipart parts: their names, values and content types count and are filled; a key in one is scrubbed', () => {
    const request = consoleRequestSchema.parse({
      method: 'POST',
      url: 'https://api.example.com/upload',
      body: {
        kind: 'multipart',
        parts: [
          { name: '{{field}}', value: 'owner {{owner}}', contentType: '{{type}}' },
          { name: 'token', value: 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9' },
          {
            name: 'odd',
            value: 'x',
            contentType: 'text/plain; k=pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9',
          },
        ],
      },
    });
    expect(requestVariables(request)).toEqual(['field', 'owner', 'type']);
    const values = new Map([
      ['field', 'purpose'],
      ['owner', 'ada'],
      ['type', 'text/plain'],
    ]);
    expect(fillRequest(request, values).body).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'purpose', value: 'owner ada', contentType: 'text/plain' },
        { name: 'token', value: 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9', contentType: '' },
        { name: 'odd', value: 'x', contentType: 'text/plain; k=pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9' },
      ],
    });
    const { request: stored, secretsRemoved } = sanitizeRequest(request, [], 1024);
    expect(secretsRemoved).toBe(true);
    expect(stored.body).toEqual({
      kind: 'multipart',
      parts: [
        { name: '{{field}}', value: 'owner {{owner}}', contentType: '{{type}}' },
        { name: 'token', value: 'KEY-REMOVED', contentType: '' },
        { name: 'odd', value: 'x', contentType: 'text/plain; k=KEY-REMOVED' },
      ],
    });
    // Over the size kept in history, the parts are dropped and the size said.
    const big = sanitizeRequest(request, [], 10);
    expect(big.request.body).toEqual({ kind: 'multipart', parts: [] });
    expect(big.bodyOmittedBytes).toBeGreaterThan(10);
  });
});
