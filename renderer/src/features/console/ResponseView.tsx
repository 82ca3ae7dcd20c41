import { useMemo, useState } from 'react';
import type { ConsoleResponse } from '../../../../shared/console/request';
import { statusMeaning } from '../../../../shared/console/wire';
import { Banner } from '../../components/Banner';
import { Tabs } from '../../components/Tabs';
import { BodyText, countMatches } from './BodyText';

type ResponseTab = 'body' | 'headers';
const TABS = [
  { id: 'body', label: 'Body' },
  { id: 'headers', label: 'Headers' },
] as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** JSON pretty-printed with 2 spaces when it parses (whatever the content type says); else as it came. */
export function displayBody(response: ConsoleResponse): { text: string; json: boolean } {
  const text = response.bodyText;
  const looksJson = /json/i.test(response.contentType ?? '') || /^\s*[[{]/.test(text);
  if (looksJson && !response.truncated) {
    try {
      return { text: JSON.stringify(JSON.parse(text), null, 2), json: true };
    } catch {
      // Not JSON after all: shown as it came.
    }
  }
  return { text, json: false };
}

function statusTone(status: number): string {
  if (status >= 500) return 'console-status--error';
  if (status >= 400) return 'console-status--warning';
  if (status >= 300) return 'console-status--info';
  return 'console-status--ok';
}

/** Status with its meaning, time, size, notices, and Body / Headers. Everything is rendered as text. */
export function ResponseView({ response }: { response: ConsoleResponse }) {
  const [tab, setTab] = useState<ResponseTab>('body');
  const [query, setQuery] = useState('');
  const body = useMemo(() => displayBody(response), [response]);
  const matches = useMemo(() => countMatches(body.text, query), [body.text, query]);
  const meaning = response.statusText || statusMeaning(response.status);

  return (
    <section className="console-response" aria-label="Response">
      <h2 className="visually-hidden">Response</h2>
      <p className="console-response__summary">
        <span className={`console-status ${statusTone(response.status)}`} aria-label="Status">
          {response.status} {meaning}
        </span>
        <span aria-label="Time">{Math.round(response.timeMs)} ms</span>
        <span aria-label="Size">{formatBytes(response.sizeBytes)}</span>
      </p>
      {response.truncated ? (
        <Banner tone="warning" role="note">
          <p>The response was larger than the size cap; the rest was not read (truncated).</p>
        </Banner>
      ) : null}
      {response.keyWithheldAt ? (
        <Banner tone="info" role="note">
          <p>A redirect went to {response.keyWithheldAt}: the key was not sent there.</p>
        </Banner>
      ) : null}
      {response.keyMasked ? (
        <Banner tone="info" role="note">
          <p>The response contained the vault entry&apos;s key; it is masked here.</p>
        </Banner>
      ) : null}
      {response.redirects.length > 0 ? (
        <div className="console-response__redirects">
          <h3 className="console__subheading">Redirects</h3>
          <ol aria-label="Redirects">
            {response.redirects.map((hop, index) => (
              <li key={index}>
                <code>{hop.status}</code> {hop.url}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <Tabs label="Response parts" idBase="console-response" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'body' ? (
          response.bodyEncoding === 'binary-omitted' ? (
            <p className="muted">
              The body is binary ({response.contentType ?? 'unknown type'}, {formatBytes(response.sizeBytes)}); it is
              not shown.
            </p>
          ) : (
            <>
              <div className="console-response__search">
                <label>
                  <span className="visually-hidden">Search the body</span>
                  <input
                    type="search"
                    className="text-field__input"
                    placeholder="Search the body"
                    value={query}
                    onChange={(event) => setQuery(event.target.value)}
                  />
                </label>
                {query !== '' ? (
                  <span role="status" className="muted">
                    {matches === 1 ? '1 match' : `${matches} matches`}
                  </span>
                ) : null}
              </div>
              {body.text === '' ? (
                <p className="muted">No body.</p>
              ) : (
                <BodyText text={body.text} query={query} label="Response body" />
              )}
            </>
          )
        ) : (
          <table className="console-response__headers" aria-label="Response headers">
            <tbody>
              {response.headers.map(([name, value], index) => (
                <tr key={index}>
                  <th scope="row">{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Tabs>
    </section>
  );
}
