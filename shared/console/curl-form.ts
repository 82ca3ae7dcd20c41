import type { MultipartPart } from './request';

/**
 * One `-F`/`--form-string` argument as curl 7.88 reads it (src/tool_formparse.c), as a text part of
 * a multipart body. `--form-string name=value` is taken literally. `-F name=value` is parsed: leading
 * spaces skipped; a value in double quotes may hold `;` (with `\"` and `\\` escaped) and loses what
 * follows its closing quote; an unquoted value ends at the first `;`, trailing spaces trimmed; then
 * `;type=…` takes the rest as the part's Content-Type, and any other `;word` is skipped (curl warns).
 * "Spaces" are curl's six ASCII ones. A file part (`@file`, `<file`), a nested multipart (`(`) and the part options the console cannot reproduce (`filename=`,
 * `headers=`, `encoder=`) refuse the import, naming the part.
 */
export type FormPartResult = { part: MultipartPart; notes: string[] } | { error: string };

const FILE_OPTIONS = /^(filename|headers|encoder)=/i;
// curl's ISSPACE: these six only (JavaScript's \s and trim() also take U+00A0 and other Unicode spaces).
const LEADING_SPACE = /^[ \t\n\v\f\r]+/;
const TRAILING_SPACE = /[ \t\n\v\f\r]+$/;
// tool_formparse.c checks a type with sscanf("%127[^/ ]/%127[^;, \n]") and gives up past 127 characters.
const CONTENT_TYPE = /^([^/ ]{1,127})\/([^;, \n]{1,127})(?![^;, \n])/;

export function readFormPart(spec: string, literal: boolean, spelled: string): FormPartResult {
  const eq = spec.indexOf('=');
  // The messages name the part, never its value or options: a key pasted by mistake is not repeated.
  if (eq === -1) return { error: `curl refuses a ${spelled} without name=value: write each part as name=value.` };
  const name = spec.slice(0, eq);
  if (name === '') return { error: `A ${spelled} part has no name (it starts with =): write it as name=value.` };
  const content = spec.slice(eq + 1);
  if (literal) return { part: { name, value: content, contentType: '' }, notes: [] };
  if (content.startsWith('(')) {
    return {
      error: `The part "${name.slice(0, 40)}" opens a nested multipart (${spelled} ${name.slice(0, 40)}=( ), which the console does not send: build the form in the console.`,
    };
  }
  if (content.startsWith('@') || content.startsWith('<')) {
    const file = content.slice(1).split(';')[0]?.slice(0, 60) ?? '';
    const how = content.startsWith('@') ? 'uploads the file' : 'reads its value from the file';
    return {
      error: `The part "${name.slice(0, 40)}" ${how} ${file} (${spelled} ${name.slice(0, 40)}=${content[0]}${file}), which cannot be imported: the console sends text parts only. Remove it, or build the form in the console.`,
    };
  }
  const notes: string[] = [];
  const word = readWord(content);
  if (word.trailing)
    notes.push(`curl drops what follows the closing quote of the part "${name.slice(0, 40)}"; so does the import.`);
  let rest = word.rest;
  let contentType = '';
  while (rest.startsWith(';')) {
    const option = rest.slice(1).replace(LEADING_SPACE, '');
    if (/^type=/i.test(option)) {
      contentType = option.slice(5).replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
      if (/;[ \t\n\v\f\r]*(type|filename|headers|encoder)=/i.test(contentType) || !CONTENT_TYPE.test(contentType))
        return {
          error: `The content type of the part "${name.slice(0, 40)}" is not one the console sends as curl would: give it as type/subtype (with parameters after ;), once.`,
        };
      break;
    }
    if (FILE_OPTIONS.test(option)) {
      return {
        error: `The part "${name.slice(0, 40)}" sets ;${option.split('=')[0]}=, which the console does not send: build the form in the console.`,
      };
    }
    const skipped = readWord(option);
    if (skipped.value !== '')
      notes.push(
        `curl skips a ";${skipped.value.split('=')[0]?.slice(0, 20)}…" in the part "${name.slice(0, 40)}" (it is not a part option), and so does the import.`,
      );
    rest = skipped.rest;
  }
  return { part: { name, value: word.value, contentType }, notes };
}

/** A value up to the next `;`, or a double-quoted one (tool_formparse.c's get_param_word). */
function readWord(text: string): { value: string; rest: string; trailing: boolean } {
  const start = text.replace(LEADING_SPACE, '');
  if (start.startsWith('"')) {
    let value = '';
    for (let i = 1; i < start.length; i++) {
      const c = start[i] as string;
      if (c === '\\' && (start[i + 1] === '\\' || start[i + 1] === '"')) {
        value += start[++i];
        continue;
      }
      if (c === '"') {
        const after = start.slice(i + 1);
        const end = after.indexOf(';');
        const dropped = end === -1 ? after : after.slice(0, end);
        return { value, rest: end === -1 ? '' : after.slice(end), trailing: dropped.replace(LEADING_SPACE, '') !== '' };
      }
      value += c;
    }
    // No closing quote: read as an unquoted value, the quote included.
  }
  const end = start.indexOf(';');
  const value = (end === -1 ? start : start.slice(0, end)).replace(TRAILING_SPACE, '');
  return { value, rest: end === -1 ? '' : start.slice(end), trailing: false };
}
