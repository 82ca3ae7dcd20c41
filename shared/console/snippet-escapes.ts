import type { HarRequest } from 'httpsnippet-lite';
import type { SnippetTarget } from './request';

/**
 * Where httpsnippet loses backslashes, the request is handed to it so that none is lost.
 *
 * fetch: httpsnippet's fetch target writes strings in single quotes through stringify-object, which escapes
 * quotes and line breaks but not backslashes: `{"a":"x\ny"}` came out as a JSON string with a real
 * line break in it, and `a\b` as a backspace. Every string it quotes is given here with `\` and `'`
 * already escaped (stringify-object leaves an escaped quote alone), and a JSON body as text, since
 * the target would re-serialise parsed JSON the same lossy way.
 */
const escaped = (text: string): string => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

/**
 * Python: a JSON body becomes a dict literal, its escapes written as they are (`"C:\temp"` became a
 * tab). A JSON body with a backslash goes as its text instead (`data=payload`), which Python quotes
 * correctly; others keep the readable dict.
 */
export function harForTarget(har: HarRequest, target: SnippetTarget): HarRequest {
  const postData = har.postData;
  if (target === 'python' && postData?.mimeType === 'application/json' && (postData.text ?? '').includes('\\'))
    return { ...har, postData: { mimeType: 'text/plain', text: postData.text ?? '' } };
  return target === 'fetch' ? harForFetch(har) : har;
}

function harForFetch(har: HarRequest): HarRequest {
  const postData = har.postData;
  return {
    ...har,
    headers: har.headers.map((row) => ({ ...row, value: escaped(row.value) })),
    ...(postData === undefined
      ? {}
      : {
          postData:
            postData.params !== undefined
              ? {
                  ...postData,
                  params: postData.params.map((p) => ({ ...p, name: escaped(p.name), value: escaped(p.value ?? '') })),
                }
              : { mimeType: 'text/plain', text: escaped(postData.text ?? '') },
        }),
  };
}
