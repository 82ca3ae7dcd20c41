import { parse, type ParseEntry } from 'shell-quote';
import { IGNORED_WITH_VALUE, SHORT_WITH_VALUE, WITH_VALUE } from './curl-options';
import { buildCurlRequest, type CurlImport, type CurlState } from './curl-request';

export type { CurlImport } from './curl-request';

/**
 * "Import a request pasted as a curl command" (issue 5 §1). The command is split into words by
 * shell-quote (quotes, `$'…'`, backslash-newline continuations); `$VAR` references are kept as text.
 * Options curl users paste without thinking (-s, -L, -k, --compressed, …) are ignored with a note;
 * curl-request.ts turns what is left into a console request, moving a key found in it to
 * Authentication (masked, never kept in history).
 */
const NOT_CURL = 'This is not a curl command: paste a command that starts with curl.';

export function importCurl(command: string): CurlImport {
  const words = splitWords(command);
  if (!words.ok) return words;
  const [first, ...rest] = words.words;
  if (first === undefined || !/(^|[/\\])curl(\.exe)?$/i.test(first)) return { ok: false, error: NOT_CURL };
  const state: CurlState = {
    method: null,
    url: null,
    headers: [],
    data: [],
    json: false,
    form: [],
    get: false,
    head: false,
    timeoutMs: null,
    notes: [...words.notes],
    ignored: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] as string;
    if (!word.startsWith('-') || word.length === 1 || word === '--') {
      if (state.url === null) state.url = word;
      else state.notes.push(`Only the first URL was imported; ${word} was left out.`);
      continue;
    }
    for (const [option, attached] of splitOptions(word)) {
      const takesValue = WITH_VALUE.has(option);
      const value = takesValue ? (attached ?? rest[++i]) : undefined;
      if (takesValue && value === undefined) return { ok: false, error: `The option ${option} needs a value.` };
      const problem = applyOption(state, option, value);
      if (problem) return { ok: false, error: problem };
    }
  }
  if (state.ignored.length > 0)
    state.notes.push(`Ignored (not needed here): ${[...new Set(state.ignored)].join(', ')}.`);
  return buildCurlRequest(state);
}

function splitWords(command: string): { ok: true; words: string[]; notes: string[] } | { ok: false; error: string } {
  // Backslash-newline continuations (and the Windows cmd `^` and PowerShell backtick forms).
  const joined = command.replace(/[\\^`]\r?\n/g, ' ').trim();
  if (joined === '') return { ok: false, error: NOT_CURL };
  let entries: ParseEntry[];
  try {
    entries = parse(joined, (name) => `$${name}`);
  } catch {
    return { ok: false, error: 'This command could not be read: check its quotes.' };
  }
  const words: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (typeof entry === 'string') {
      words.push(entry);
    } else if (entry && 'op' in entry && entry.op === 'glob') {
      words.push(entry.pattern);
    } else if (entry && 'op' in entry && entry.op === '&' && typeof entries[i + 1] === 'string' && words.length > 0) {
      // An unquoted URL with & in it: the shell would cut it, the user meant one URL.
      words[words.length - 1] += `&${entries[++i] as string}`;
    } else if (entry && 'comment' in entry) {
      break;
    } else {
      notes.push('Only the curl command was imported; what followed it (a pipe or another command) was left out.');
      break;
    }
  }
  return { ok: true, words, notes };
}

/** `-sSL` → -s, -S, -L; `-XPOST` → -X with POST attached; `--header` stays whole. */
function splitOptions(word: string): [string, string | null][] {
  if (word.startsWith('--')) return [[word, null]];
  const options: [string, string | null][] = [];
  for (let j = 1; j < word.length; j++) {
    const letter = word[j] as string;
    if (SHORT_WITH_VALUE.has(letter) && j + 1 < word.length) {
      options.push([`-${letter}`, word.slice(j + 1)]);
      break;
    }
    options.push([`-${letter}`, null]);
  }
  return options;
}

function applyOption(state: CurlState, option: string, value: string | undefined): string | null {
  const v = value ?? '';
  switch (option) {
    case '-X':
    case '--request':
      state.method = v.toUpperCase();
      return null;
    case '--url':
      if (state.url === null) state.url = v;
      else state.notes.push(`Only the first URL was imported; ${v} was left out.`);
      return null;
    case '-H':
    case '--header':
      return addHeader(state, v);
    case '-A':
    case '--user-agent':
      state.headers.push({ name: 'User-Agent', value: v, enabled: true });
      return null;
    case '-e':
    case '--referer':
      state.headers.push({ name: 'Referer', value: v, enabled: true });
      return null;
    case '-b':
    case '--cookie':
      if (v.includes('=')) state.headers.push({ name: 'Cookie', value: v, enabled: true });
      else state.notes.push('A cookie file (-b file) cannot be read here; it was left out.');
      return null;
    case '--oauth2-bearer':
      state.headers.push({ name: 'Authorization', value: `Bearer ${v}`, enabled: true });
      return null;
    case '-d':
    case '--data':
    case '--data-ascii':
    case '--data-binary':
      if (v.startsWith('@')) {
        state.notes.push(`A body read from a file (${option} ${v}) cannot be imported; paste the body instead.`);
      } else state.data.push(option === '--data-binary' ? v : v.replace(/[\r\n]/g, ''));
      return null;
    case '--data-raw':
      state.data.push(v);
      return null;
    case '--data-urlencode':
      state.data.push(urlencodeData(state, v));
      return null;
    case '--json':
      state.json = true;
      if (v.startsWith('@')) state.notes.push(`A body read from a file (--json ${v}) cannot be imported.`);
      else state.data.push(v);
      return null;
    case '-F':
    case '--form':
    case '--form-string':
      return addFormField(state, option, v);
    case '-u':
    case '--user':
      state.notes.push('Basic authentication (-u user:password) is not supported by the console; it was left out.');
      return null;
    case '-G':
    case '--get':
      state.get = true;
      return null;
    case '-I':
    case '--head':
      state.head = true;
      return null;
    case '-m':
    case '--max-time': {
      const seconds = Number(v);
      if (Number.isFinite(seconds) && seconds > 0) state.timeoutMs = Math.min(300_000, Math.ceil(seconds * 1000));
      return null;
    }
    case '-L':
    case '--location':
      state.notes.push('Redirects are always followed (at most 5); the key is never sent to another origin.');
      return null;
    case '-k':
    case '--insecure':
      state.notes.push(
        'TLS verification stays on (-k ignored). For a local server with a self-signed certificate, tick "Accept a self-signed certificate (localhost only)".',
      );
      return null;
    default:
      if (IGNORED_WITH_VALUE.has(option)) state.ignored.push(`${option} ${v}`.trim());
      else state.ignored.push(option);
      return null;
  }
}

function addHeader(state: CurlState, line: string): string | null {
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  if (colon <= 0 && semicolon > 0 && line.slice(semicolon + 1).trim() === '') {
    state.headers.push({ name: line.slice(0, semicolon).trim(), value: '', enabled: true }); // `-H 'X-Empty;'`
    return null;
  }
  if (colon <= 0) return `The header "${line.slice(0, 40)}" has no name: write it as Name: value.`;
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (value === '') return null; // `-H 'Accept:'` removes a default header in curl: nothing to send.
  state.headers.push({ name, value, enabled: true });
  return null;
}

function urlencodeData(state: CurlState, spec: string): string {
  if (spec.startsWith('@') || /^[^=]*@/.test(spec.split('=')[0] ?? '')) {
    state.notes.push(`A value read from a file (--data-urlencode ${spec}) cannot be imported.`);
    return '';
  }
  const eq = spec.indexOf('=');
  if (eq === -1) return encodeURIComponent(spec);
  const name = spec.slice(0, eq);
  const content = encodeURIComponent(spec.slice(eq + 1));
  return name === '' ? content : `${name}=${content}`;
}

function addFormField(state: CurlState, option: string, spec: string): string | null {
  const eq = spec.indexOf('=');
  if (eq <= 0) return `The form field "${spec.slice(0, 40)}" has no name: write it as name=value.`;
  const value = spec.slice(eq + 1);
  if (option !== '--form-string' && (value.startsWith('@') || value.startsWith('<'))) {
    state.notes.push(`File uploads (-F ${spec.slice(0, eq)}=${value}) are not supported; that field was left out.`);
    return null;
  }
  if (state.form.length === 0) {
    state.notes.push('multipart/form-data (-F) is sent as a URL-encoded form by the console.');
  }
  state.form.push({ name: spec.slice(0, eq), value });
  return null;
}
