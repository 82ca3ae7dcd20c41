import { fillRequest, requestVariables, type TemplatedRequest } from './variables';

/**
 * `{{variables}}` in snippets (issue 13): each becomes an environment variable of the shell, Node or
 * Python, named after it (`{{baseUrl}}` → `BASE_URL`), so a snippet never carries a value from an
 * environment, plain or from a vault. The request is first filled with placeholders httpsnippet
 * passes through untouched; snippets.ts then rewrites each placeholder's literal for the language.
 */
export function variableEnvName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const named = words === '' ? 'VALUE' : /^[0-9]/.test(words) ? `V_${words}` : words;
  return named.slice(0, 64);
}

/** [placeholder, environment variable] for each variable of the request, and the request filled with them. */
export function withVariablePlaceholders<R extends TemplatedRequest>(
  request: R,
  taken: string,
): { request: R; pairs: [string, string][] } {
  const names = requestVariables(request);
  if (names.length === 0) return { request, pairs: [] };
  const pairs: [string, string][] = [];
  const values = new Map<string, string>();
  names.forEach((name, index) => {
    let token = `khvarx${index}x`;
    while (taken.includes(token)) token = `${token}x`;
    // A variable opening the URL is its origin (`{{baseUrl}}/v1`): a stand-in origin keeps it a URL.
    const opensUrl =
      request.url.trimStart().startsWith(`{{${name}}}`) || request.url.trimStart().startsWith(`{{ ${name} }}`);
    const placeholder = opensUrl ? `http://${token}.invalid` : token;
    values.set(name, placeholder);
    pairs.push([placeholder, variableEnvName(name)]);
  });
  return { request: fillRequest(request, values), pairs };
}
