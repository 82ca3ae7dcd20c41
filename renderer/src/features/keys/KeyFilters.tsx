import { Search } from 'lucide-react';
import { useId } from 'react';
import { SelectField } from '../../components/SelectField';
import { STATUS_FILTER_OPTIONS, type StatusFilter } from './key-table-model';

interface KeyFiltersProps {
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
  text: string;
  onText: (text: string) => void;
  shown: number;
  total: number;
  /** Revoked keys and rotated ones past their grace period: hidden unless this is ticked. */
  showEnded: boolean;
  onShowEnded: (show: boolean) => void;
  endedCount: number;
}

/**
 * Filter by status and by text (name or key id), show or hide the keys that ended for good, with "N of
 * M keys" announced as it changes.
 */
export function KeyFilters(props: KeyFiltersProps) {
  const { status, onStatus, text, onText, shown, total, showEnded, onShowEnded, endedCount } = props;
  const id = useId();
  return (
    <div className="key-filters">
      <div className="text-field key-filters__search">
        <label htmlFor={id} className="text-field__label">
          Search keys
        </label>
        <span className="key-filters__search-box">
          <Search size={16} aria-hidden="true" className="key-filters__search-icon" />
          <input
            id={id}
            type="search"
            className="text-field__input"
            placeholder="Name or key id"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => onText(event.target.value)}
          />
        </span>
      </div>
      <SelectField
        label="Status"
        value={status}
        options={STATUS_FILTER_OPTIONS}
        onChange={onStatus}
        className="key-filters__status"
      />
      {endedCount > 0 ? (
        <label className="key-filters__ended">
          <input type="checkbox" checked={showEnded} onChange={(event) => onShowEnded(event.target.checked)} />
          Show revoked and rotated ({endedCount})
        </label>
      ) : null}
      <p role="status" className="key-filters__count">
        {shown} of {total} {total === 1 ? 'key' : 'keys'}
      </p>
    </div>
  );
}
