import { Settings2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { EnvironmentsDialog } from './EnvironmentsDialog';

const NONE = '';

/** The chosen environment (issue 13), beside the page title, and the way to edit them all. */
export function EnvironmentBar() {
  const environments = useConsoleLibrary((s) => s.environments);
  const loadEnvironments = useConsoleLibrary((s) => s.loadEnvironments);
  const selectEnvironment = useConsoleLibrary((s) => s.selectEnvironment);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!useConsoleLibrary.getState().environments.loaded) void loadEnvironments();
  }, [loadEnvironments]);
  const view = environments.value;
  return (
    <div className="console-environment">
      <label htmlFor="console-environment" className="visually-hidden">
        Environment
      </label>
      <select
        id="console-environment"
        className="text-field__input text-field__select console-environment__select"
        value={view.activeId ?? NONE}
        aria-describedby={failure ? 'console-environment-error' : undefined}
        onChange={(event) => {
          const id = event.target.value === NONE ? null : event.target.value;
          void selectEnvironment(id).then((result) => setFailure(result?.message ?? null));
        }}
      >
        <option value={NONE}>No environment</option>
        {view.environments.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        variant="ghost"
        icon={Settings2}
        aria-label="Edit environments"
        title="Edit environments"
        onClick={() => setEditing(true)}
      />
      {failure ? (
        <span id="console-environment-error" role="alert" className="console-environment__error">
          {failure}
        </span>
      ) : null}
      {editing ? <EnvironmentsDialog onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
