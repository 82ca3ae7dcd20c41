import { useEffect, useId, useRef, type Ref } from 'react';
import type { Scope } from '../../../../shared/domain/app';
import { Button } from '../../components/Button';
import { WizardFailure } from './KeyDetailsStep';
import type { KeyWizard } from './use-key-wizard';

interface ScopeOptionProps {
  id: string;
  label: string;
  scopeId?: string;
  description: string;
  checked: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement> | undefined;
  onChange: (checked: boolean) => void;
  className?: string;
}

/** A checkbox named by the scope's label and identifier, described by what it grants. */
function ScopeOption({
  id,
  label,
  scopeId,
  description,
  checked,
  disabled,
  inputRef,
  onChange,
  className,
}: ScopeOptionProps) {
  return (
    <div className={['scope-option', className].filter(Boolean).join(' ')}>
      <input
        ref={inputRef}
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="scope-option__label">
        {label}
        {scopeId ? (
          <>
            {' '}
            <code className="scope-option__id">{scopeId}</code>
          </>
        ) : null}
      </label>
      {description ? (
        <p id={`${id}-description`} className="scope-option__description">
          {description}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Step 2 (Cerby's "Select scopes"): an explicit "no scopes" first, then one checkbox per scope of the
 * app in a list that scrolls. An app without scopes never shows it (GenerateKeyDialog).
 */
export function ScopesStep({ wizard, catalog }: { wizard: KeyWizard; catalog: readonly Scope[] }) {
  const { scopes, setScopes, noScopes, setNoScopes, scopesError, firstScopeRef, submitting } = wizard;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const errorId = `${id}-error`;

  useEffect(() => heading.current?.focus(), []);

  const toggle = (scopeId: string, on: boolean) => {
    // Keep the catalog's order, so the request (and the key) lists scopes the same way every time.
    const chosen = new Set(scopes);
    if (on) chosen.add(scopeId);
    else chosen.delete(scopeId);
    setScopes(catalog.map((s) => s.id).filter((s) => chosen.has(s)));
  };

  return (
    <section className="scopes-step" aria-labelledby={`${id}-heading`}>
      <WizardFailure wizard={wizard} />
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1} className="wizard__heading">
        Select scopes
      </h3>
      <p className="muted">A key can do only what its scopes allow. Give it no more than it needs.</p>
      {/* Above the list, which scrolls: the choice the error message names is always in view. */}
      <ScopeOption
        id={`${id}-none`}
        label="This key needs no scopes"
        description="It will authenticate, but every scope check will fail."
        checked={noScopes}
        disabled={submitting}
        onChange={(checked) => {
          setNoScopes(checked);
          if (checked) setScopes([]);
        }}
        className="scope-option--none"
      />
      <div className="scopes-step__bar">
        <span className="muted" aria-live="polite">
          {scopes.length} of {catalog.length} selected
        </span>
        <div className="scopes-step__bulk">
          <Button
            size="sm"
            variant="ghost"
            disabled={noScopes || submitting || scopes.length === catalog.length}
            onClick={() => setScopes(catalog.map((s) => s.id))}
          >
            Select all
          </Button>
          <Button size="sm" variant="ghost" disabled={submitting || scopes.length === 0} onClick={() => setScopes([])}>
            Clear
          </Button>
        </div>
      </div>
      <fieldset
        className="scopes-step__list"
        aria-describedby={scopesError ? errorId : undefined}
        disabled={submitting}
      >
        <legend className="visually-hidden">Scopes</legend>
        {catalog.map((scope, index) => (
          <ScopeOption
            key={scope.id}
            id={`${id}-${scope.id}`}
            label={scope.label}
            scopeId={scope.id}
            description={scope.description}
            checked={scopes.includes(scope.id)}
            disabled={noScopes}
            inputRef={index === 0 ? firstScopeRef : undefined}
            onChange={(checked) => toggle(scope.id, checked)}
          />
        ))}
      </fieldset>
      {scopesError ? (
        <p id={errorId} className="text-field__error" role="alert">
          {scopesError}
        </p>
      ) : null}
    </section>
  );
}
