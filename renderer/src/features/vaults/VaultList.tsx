import { Lock, LockOpen, TriangleAlert } from 'lucide-react';
import type { VaultSummary } from '../../../../shared/domain/vault';

const count = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'}`;

function stateOf(vault: VaultSummary): string {
  if (vault.keyMissing) return 'Key missing';
  return vault.locked ? 'Locked' : 'Unlocked';
}

interface VaultListProps {
  vaults: readonly VaultSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The vaults, each with its entry count and lock state; the chosen one is marked as current. The
 * button's name says it in words ("Team, 3 entries, locked"), without the visual "·".
 */
export function VaultList({ vaults, selectedId, onSelect }: VaultListProps) {
  return (
    <nav className="vault-list" aria-label="Vaults">
      <ul className="vault-list__items">
        {vaults.map((vault) => {
          const Icon = vault.keyMissing ? TriangleAlert : vault.locked ? Lock : LockOpen;
          return (
            <li key={vault.id}>
              <button
                type="button"
                className={`vault-list__item${vault.keyMissing ? ' vault-list__item--missing' : ''}`}
                aria-current={vault.id === selectedId ? 'true' : undefined}
                aria-label={`${vault.name}, ${count(vault.entryCount)}, ${stateOf(vault).toLowerCase()}`}
                onClick={() => onSelect(vault.id)}
              >
                <Icon size={16} aria-hidden="true" className="vault-list__icon" />
                <span className="vault-list__text">
                  <span className="vault-list__name">{vault.name}</span>{' '}
                  {/* the space keeps name and meta apart in the text the label must contain (WCAG 2.5.3) */}
                  <span className="vault-list__meta">
                    {count(vault.entryCount)} · {stateOf(vault)}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
