import { AlertTriangle } from 'lucide-react';
import { isReferenceValue } from '../../../../shared/console/environments';
import { requestVariables } from '../../../../shared/console/variables';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { useConsole } from '../../stores/console-store';
import { toRequest } from './draft';

/**
 * The request's `{{variables}}` (issue 13), checked against the chosen environment before Send: the
 * ones it does not define are shown in red, the ones read from a vault say so. Values never show here:
 * a reference is what the page knows; main reads the key at send time.
 */
export function UnresolvedVariables() {
  const draft = useConsole((s) => s.draft);
  const view = useConsoleLibrary((s) => s.environments.value);
  const body = toRequest(draft, '').body ?? { kind: 'none' };
  const used = requestVariables({ url: draft.url, query: draft.query, headers: draft.headers, body });
  if (used.length === 0) return null;
  const environment = view.environments.find((candidate) => candidate.id === view.activeId) ?? null;
  const defined = new Map(environment?.variables.map((variable) => [variable.name, variable.value]) ?? []);
  const missing = used.filter((name) => !defined.has(name));
  return (
    <div className="console-variables" aria-label="Variables in this request" role="group">
      {used.map((name) => {
        const value = defined.get(name);
        const state = value === undefined ? 'missing' : isReferenceValue(value) ? 'vault' : 'plain';
        return (
          <span
            key={name}
            className={`console-variable console-variable--${state}`}
            title={
              state === 'missing'
                ? `Not defined in ${environment ? environment.name : 'any chosen environment'}`
                : state === 'vault'
                  ? `Read from the vault at send time: ${value}`
                  : `${value}`
            }
          >
            {state === 'missing' ? <AlertTriangle aria-hidden="true" size={14} /> : null}
            {`{{${name}}}`}
            <span className="visually-hidden">
              {state === 'missing' ? ' (not defined)' : state === 'vault' ? ' (vault key)' : ''}
            </span>
          </span>
        );
      })}
      {missing.length > 0 ? (
        <span role="status" className="console-variables__problem">
          {environment
            ? `${missing.length === 1 ? 'This variable is' : 'These variables are'} not defined in ${environment.name}.`
            : 'Choose an environment that defines them.'}
        </span>
      ) : null}
    </div>
  );
}
