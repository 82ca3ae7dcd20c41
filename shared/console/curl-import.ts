import { pickCurlCommand } from './curl-command';
import { applyOption, newCurlState, type CurlState } from './curl-apply';
import { CARRIED, changesRequest, HARMLESS } from './curl-option-effects';
import { longOption, shortOption, type CurlOption } from './curl-option-table';
import { buildCurlRequest, type CurlImport } from './curl-request';

export type { CurlImport } from './curl-request';

/**
 * "Import a request pasted as a curl command" (issue 5 §1; made faithful in issue 16). The paste is
 * split into words as bash would (shell-words.ts), its first curl command picked (curl-command.ts),
 * and each word looked up in curl's own option table (curl-option-table.ts), so a value is never
 * taken for the URL. Each option is then carried out (curl-apply.ts), ignored because it does not
 * change what the server receives, or the import is refused naming it (curl-option-effects.ts):
 * what the console sends for an imported command is what curl sends, or there is no import.
 */
type Word = { text: string; expands: boolean };

export function importCurl(command: string): CurlImport {
  const picked = pickCurlCommand(command);
  if (!picked.ok) return picked;
  const state = newCurlState(picked.stdin, picked.notes);
  const words = picked.args;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    if (word.text.startsWith('-') && word.text.length > 1) {
      const options = readOptions(word, () => words[++i]);
      if (typeof options === 'string') return { ok: false, error: options };
      for (const { option, spelled, negated, value } of options) {
        const problem = useOption(state, option, spelled, negated, value);
        if (problem) return { ok: false, error: problem };
      }
    } else {
      const problem = applyOption(state, 'url', false, word);
      if (problem) return { ok: false, error: problem };
    }
  }
  if (state.ignored.length > 0) {
    state.notes.push(`Ignored (they do not change the request): ${[...new Set(state.ignored)].join(', ')}.`);
  }
  return buildCurlRequest(state);
}

interface ReadOption {
  option: CurlOption;
  spelled: string;
  negated: boolean;
  value: Word | null;
}

/**
 * One word's options: `--header` with the next word; `-sSLXPOST` → -s -S -L and -X with POST. A value
 * attached to a short option (`-F"token=$KEY"`) holds a shell variable when its word does.
 */
function readOptions(word: Word, nextWord: () => Word | undefined): ReadOption[] | string {
  const text = word.text;
  if (text.startsWith('--')) {
    if (text.startsWith('--expand-')) return changesRequest('variable', text);
    const found = longOption(text);
    if (found === null) return `curl does not know the option ${text.slice(0, 60)}: check its spelling.`;
    const value = found.option.kind === 'value' ? nextWord() : null;
    if (value === undefined) return `The option ${text} needs a value.`;
    return [{ option: found.option, spelled: text, negated: found.negated, value }];
  }
  const read: ReadOption[] = [];
  for (let j = 1; j < text.length; j++) {
    const letter = text[j] as string;
    const option = shortOption(letter);
    if (option === null) return `curl does not know the option -${letter.slice(0, 4)}: check its spelling.`;
    if (option.kind !== 'value') {
      read.push({ option, spelled: `-${letter}`, negated: false, value: null });
      continue;
    }
    const attached = text.slice(j + 1);
    const value = attached !== '' ? { text: attached, expands: word.expands } : nextWord();
    if (value === undefined) return `The option -${letter} needs a value.`;
    read.push({ option, spelled: `-${letter}`, negated: false, value });
    break;
  }
  return read;
}

function useOption(
  state: CurlState,
  option: CurlOption,
  spelled: string,
  negated: boolean,
  value: Word | null,
): string | null {
  if (CARRIED.has(option.name)) return applyOption(state, option.name, negated, value, spelled);
  if (HARMLESS.has(option.name)) {
    state.ignored.push(value === null ? spelled : `${spelled} ${value.text}`.slice(0, 80));
    return null;
  }
  // Switching off an option that is off unless asked for (`--no-digest`) changes nothing.
  if (negated) return null;
  return changesRequest(option.name, spelled);
}
