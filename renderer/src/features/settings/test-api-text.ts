import { startTestApiInputSchema } from '../../../../shared/domain/test-api';
import { fieldErrors } from '../../lib/validate';

/** The Port field's text as the start call takes it: blank is "any free port"; text that is not a number is NaN. */
export function parsePort(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The shared schema's message for the Port field (the one main would answer), if any. */
export function portError(text: string): string | undefined {
  return fieldErrors(startTestApiInputSchema, { port: parsePort(text) }, ['port'] as const).port;
}

export interface Endpoint {
  method: 'GET' | 'POST';
  path: string;
  description: string;
  /** A curl line against `baseUrl`, reading the key from the environment variable KEY. */
  example: (baseUrl: string) => string;
}

/** What the local test API answers (electron/core/test-api/test-api-server.ts). */
export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'GET',
    path: '/v1/whoami',
    description:
      "The key's app, key id, name, scopes and expiry; 401 with a reason code (such as REVOKED) if it fails.",
    example: (baseUrl) => `curl -H "Authorization: Bearer $KEY" ${baseUrl}/v1/whoami`,
  },
  {
    method: 'POST',
    path: '/v1/keys/verify',
    description:
      'Checks the key sent in a JSON body, optionally for a scope, and says { valid, code, … }; no header needed.',
    example: (baseUrl) =>
      `curl -H "Content-Type: application/json" -d "{\\"key\\": \\"$KEY\\", \\"scope\\": \\"read:items\\"}" ${baseUrl}/v1/keys/verify`,
  },
  {
    method: 'GET',
    path: '/v1/scopes/<scope>',
    description: 'Answers 200 if the key holds that scope (such as read:items), 403 INSUFFICIENT_SCOPE if not.',
    example: (baseUrl) => `curl -H "X-API-Key: $KEY" ${baseUrl}/v1/scopes/read:items`,
  },
  {
    method: 'GET',
    path: '/v1/keyset?app=<prefix>',
    description:
      "The app's current signed keyset, for a service you develop to verify keys with (README: Verify keys in your service); no key needed.",
    example: (baseUrl) => `curl ${baseUrl}/v1/keyset?app=pyas`,
  },
];
