import { Copy, Send } from 'lucide-react';
import { useId, useRef } from 'react';
import { Button } from '../../components/Button';
import { useNavigation } from '../../stores/navigation-store';
import { CopyNoticeLine } from './CopyNoticeLine';
import { useCopyText } from './copy-text';
import { ENDPOINTS, type Endpoint } from './test-api-text';

/** While the local test API runs: its base URL to copy, and what to call with a key. */
export function TestApiDetails({ baseUrl }: { baseUrl: string }) {
  const urlId = useId();
  const urlInput = useRef<HTMLInputElement>(null);
  const url = useCopyText();
  const examples = useCopyText();
  const goToConsole = useNavigation((s) => s.goToConsole);

  return (
    <div className="test-api__details">
      <div className="text-field">
        <label htmlFor={urlId} className="text-field__label">
          Base URL
        </label>
        <div className="test-api__url-row">
          <input
            id={urlId}
            ref={urlInput}
            className="text-field__input text-field__input--readonly test-api__url"
            value={baseUrl}
            readOnly
            spellCheck={false}
            // Clicking into the field selects the whole URL, ready for Ctrl+C.
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button icon={Copy} onClick={() => void url.copy(baseUrl, urlInput.current, 'the base URL')}>
            Copy
          </Button>
        </div>
        <CopyNoticeLine notice={url.notice} />
      </div>

      <p className="muted">
        Send a key in one of <code>X-API-Key: &lt;key&gt;</code>, <code>Authorization: Api-Key &lt;key&gt;</code> or{' '}
        <code>Authorization: Bearer &lt;key&gt;</code>. The examples read it from the environment variable{' '}
        <code>KEY</code>.
      </p>

      <ul className="test-api__endpoints" aria-label="Endpoints">
        {ENDPOINTS.map((endpoint) => (
          <EndpointItem
            key={endpoint.path}
            endpoint={endpoint}
            baseUrl={baseUrl}
            onCopy={(text, element) => void examples.copy(text, element, `the example for ${label(endpoint)}`)}
          />
        ))}
      </ul>
      <CopyNoticeLine notice={examples.notice} />

      <p className="muted">
        A successful check counts as a use of the key (Last used, Activity). After 20 failed authentications in a
        minute, a client is answered 429 with Retry-After.
      </p>
      <div>
        <Button icon={Send} onClick={() => goToConsole()}>
          Open the console with the local test API
        </Button>
      </div>
    </div>
  );
}

const label = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;

function EndpointItem({
  endpoint,
  baseUrl,
  onCopy,
}: {
  endpoint: Endpoint;
  baseUrl: string;
  onCopy: (text: string, element: HTMLElement | null) => void;
}) {
  const line = useRef<HTMLElement>(null);
  const example = endpoint.example(baseUrl);
  return (
    <li className="test-api__endpoint">
      <p>
        <code className="test-api__route">{label(endpoint)}</code> <span className="muted">{endpoint.description}</span>
      </p>
      <div className="test-api__example">
        <pre>
          <code ref={line}>{example}</code>
        </pre>
        <Button
          size="sm"
          variant="ghost"
          icon={Copy}
          aria-label={`Copy the example for ${label(endpoint)}`}
          onClick={() => onCopy(example, line.current)}
        >
          Copy
        </Button>
      </div>
    </li>
  );
}
