import { Play, Square } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { SkeletonRows } from '../../components/Loading';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { useTestApi } from '../../stores/test-api-store';
import { TestApiDetails } from './TestApiDetails';
import { parsePort, portError } from './test-api-text';

const FIELDS = ['port'] as const;

interface Failure {
  action: 'start' | 'stop';
  error: ApiFailure;
}

/**
 * Settings → Local test API: switch the server on 127.0.0.1 on or off, on a chosen or any free port.
 * Port problems (out of range, in use) show under the Port field, which keeps focus; others above.
 */
export function TestApiSection() {
  const status = useTestApi((s) => s.status);
  const loaded = useTestApi((s) => s.loaded);
  const loading = useTestApi((s) => s.loading);
  const loadError = useTestApi((s) => s.error);
  const pending = useTestApi((s) => s.pending);
  const load = useTestApi((s) => s.load);
  const start = useTestApi((s) => s.start);
  const stop = useTestApi((s) => s.stop);
  const [failure, setFailure] = useState<Failure | null>(null);
  const check = useCallback((values: Record<'port', string>) => {
    const message = portError(values.port);
    return message ? { port: message } : {};
  }, []);
  const form = useForm(FIELDS, { port: '' }, check);

  // The harness (--test-api-port) or another window may have started it: ask main each time.
  useEffect(() => {
    void load();
  }, [load]);

  // Start and Stop are one button that stays in place; it is disabled meanwhile, so give it focus back
  // once the switch is done (not after a failure: then the port field or the banner says why).
  const toggle = useRef<HTMLButtonElement>(null);
  const switching = useRef<'start' | 'stop' | null>(null);
  useEffect(() => {
    if (pending !== null || switching.current === null) return;
    if (status.running === (switching.current === 'start')) toggle.current?.focus();
    switching.current = null;
  }, [pending, status.running]);

  const onStart = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending !== null || status.running || !form.validateForSubmit()) return;
    setFailure(null);
    switching.current = 'start';
    const result = await start(parsePort(form.values.port));
    if (!isFailure(result)) return;
    switching.current = null;
    // CONFLICT: the port is in use; INVALID_INPUT: a port this system refuses. Both are the field's.
    if (result.code === 'CONFLICT' || result.code === 'INVALID_INPUT') form.setServerError('port', result.message);
    else setFailure({ action: 'start', error: result });
  };

  const onStop = async () => {
    if (pending !== null) return;
    setFailure(null);
    switching.current = 'stop';
    const result = await stop();
    if (!isFailure(result)) return;
    switching.current = null;
    setFailure({ action: 'stop', error: result });
  };

  if (!loaded) {
    return loadError ? (
      <Banner
        tone="danger"
        title="Keyhaven could not tell whether the local test API is running"
        action={
          <Button size="sm" busy={loading} onClick={() => void load()}>
            Try again
          </Button>
        }
      >
        <p>{loadError.message}</p>
      </Banner>
    ) : (
      <SkeletonRows label="Checking the local test API…" rows={1} />
    );
  }

  const running = status.running;
  return (
    <>
      {failure ? (
        <Banner
          tone="danger"
          title={failure.action === 'start' ? 'The local test API did not start' : 'The local test API was not stopped'}
        >
          <p>{failure.error.message}</p>
        </Banner>
      ) : null}
      <div className="test-api__panel">
        <form className="test-api__controls" noValidate onSubmit={(event) => void onStart(event)}>
          <p
            role="status"
            className={`test-api__state${running && pending === null ? ' test-api__state--running' : ''}`}
          >
            <span className="test-api__dot" aria-hidden="true" />
            {stateText(running, status.port, pending)}
          </p>
          {running ? null : (
            <TextField
              label="Port"
              className="test-api__port"
              placeholder={status.savedPort === null ? 'Any free port' : `${status.savedPort}, as last time`}
              hint={
                status.savedPort === null
                  ? 'Leave blank or enter 0 for any free port; otherwise 1024 to 65535. The port is kept for next time.'
                  : `Leave blank for port ${status.savedPort} (kept, so saved requests keep working), 0 for any free port, or 1024 to 65535.`
              }
              {...form.field('port')}
            />
          )}
          <div className="test-api__actions">
            <Button
              ref={toggle}
              type={running ? 'button' : 'submit'}
              variant={running ? 'secondary' : 'primary'}
              icon={running ? Square : Play}
              busy={pending !== null}
              onClick={running ? () => void onStop() : undefined}
            >
              {pending === 'start' ? 'Starting…' : pending === 'stop' ? 'Stopping…' : running ? 'Stop' : 'Start'}
            </Button>
          </div>
        </form>
        {running && status.baseUrl ? <TestApiDetails baseUrl={status.baseUrl} /> : null}
      </div>
    </>
  );
}

function stateText(running: boolean, port: number | null, pending: 'start' | 'stop' | null): string {
  if (pending === 'start') return 'Starting the local test API…';
  if (pending === 'stop') return 'Stopping the local test API…';
  return running ? `The local test API is running on port ${port}.` : 'The local test API is off.';
}
