import type { ConflictChoice, ImportPreview } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { RadioGroup, type RadioOption } from '../../components/RadioGroup';

const OPTIONS: readonly RadioOption<ConflictChoice>[] = [
  { value: 'skip', label: 'Skip' },
  { value: 'replace', label: 'Replace' },
  { value: 'keepBoth', label: 'Keep both' },
];

interface ConflictChoicesProps {
  conflicts: ImportPreview['conflicts'];
  vaultName: string;
  choices: Record<string, ConflictChoice>;
  onChoose: (importedId: string, choice: ConflictChoice) => void;
  onChooseAll: (choice: ConflictChoice) => void;
}

/**
 * One Skip / Replace / Keep both choice per imported entry that clashes with an entry of the target
 * vault (same id or same name), Skip by default so nothing is overwritten unless asked, and a way to
 * set them all at once.
 */
export function ConflictChoices({ conflicts, vaultName, choices, onChoose, onChooseAll }: ConflictChoicesProps) {
  return (
    <section className="conflicts" aria-labelledby="import-conflicts-heading">
      <h3 id="import-conflicts-heading" className="conflicts__heading">
        Already in "{vaultName}"
      </h3>
      <ul className="conflicts__explain">
        <li>
          <strong>Skip</strong>: keep the existing entry as it is.
        </li>
        <li>
          <strong>Replace</strong>: the existing entry takes the imported key and details; its current key moves to its
          history.
        </li>
        <li>
          <strong>Keep both</strong>: add the imported entry as a copy named "name (imported)" (or "name (imported 2)"
          and so on, if that name is taken).
        </li>
      </ul>
      {conflicts.length > 1 ? (
        <div role="group" aria-label="Apply to all conflicts" className="conflicts__all">
          <span aria-hidden="true">Apply to all:</span>
          <Button size="sm" onClick={() => onChooseAll('skip')}>
            Skip all
          </Button>
          <Button size="sm" onClick={() => onChooseAll('replace')}>
            Replace all
          </Button>
          <Button size="sm" onClick={() => onChooseAll('keepBoth')}>
            Keep both for all
          </Button>
        </div>
      ) : null}
      <div className="conflicts__list">
        {conflicts.map((conflict) => (
          <RadioGroup
            key={conflict.importedId}
            legend={conflict.name}
            name={`conflict-${conflict.importedId}`}
            value={choices[conflict.importedId] ?? 'skip'}
            options={OPTIONS}
            onChange={(choice) => onChoose(conflict.importedId, choice)}
          />
        ))}
      </div>
    </section>
  );
}
