import { ArrowRightLeft, Tags, Trash2, X } from 'lucide-react';
import { Button } from '../../components/Button';
import './bulk-bar.css';

interface BulkBarProps {
  count: number;
  /** What the last bulk action did ("Moved 3 keys to Team."), until the next one. */
  message: string;
  busy: boolean;
  onTransfer: () => void;
  onTag: () => void;
  onDelete: () => void;
  onClear: () => void;
}

const keys = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'key' : 'keys'}`;

/**
 * What can be done to the ticked entries at once: move or copy them to another vault, add or remove
 * tags, delete them (with Undo). Export in the vault's header exports them too.
 */
export function BulkBar({ count, message, busy, onTransfer, onTag, onDelete, onClear }: BulkBarProps) {
  return (
    <div className="bulk-bar">
      {count > 0 ? (
        <div className="bulk-bar__actions" role="group" aria-label={`${keys(count)} selected`}>
          <span className="bulk-bar__count" aria-hidden="true">
            {keys(count)} selected
          </span>
          <Button size="sm" icon={ArrowRightLeft} busy={busy} onClick={onTransfer}>
            Move or copy
          </Button>
          <Button size="sm" icon={Tags} onClick={onTag}>
            Tags
          </Button>
          {/* Not just "Delete": the vault's own Delete is a few pixels above. */}
          <Button size="sm" variant="danger" icon={Trash2} onClick={onDelete}>
            Delete selected
          </Button>
          <Button size="sm" variant="ghost" icon={X} onClick={onClear}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <p role="status" className="bulk-bar__message">
        {message}
      </p>
    </div>
  );
}
