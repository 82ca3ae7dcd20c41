import { Check, Star, X } from 'lucide-react';
import { useId, useRef, useState, type Ref } from 'react';
import { Button } from '../../components/Button';
import {
  hasFilters,
  NO_FILTERS,
  TAG_CHIP_LIMIT,
  toggleTag,
  visibleTags,
  type EntryFilters,
  type TagCount,
} from './entry-filters';
import './entry-filters.css';

interface EntryFilterBarProps {
  /** The vault's tags with their counts, sorted (countTags). */
  tags: readonly TagCount[];
  /** How many of the vault's entries are starred. */
  favorites: number;
  filters: EntryFilters;
  onChange: (filters: EntryFilters) => void;
}

const entries = (n: number) => (n === 1 ? 'entry' : 'entries');

/** A toggle chip: the label, then the count ("prod 3"); a check (or a filled star) when pressed. */
function FilterChip(props: {
  label: string;
  count: number;
  pressed: boolean;
  favourites?: boolean;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  const { label, count, pressed, favourites = false, onClick, ref } = props;
  return (
    <Button
      ref={ref}
      size="sm"
      className={pressed ? 'filter-chip filter-chip--on' : 'filter-chip'}
      aria-pressed={pressed}
      onClick={onClick}
    >
      {favourites ? (
        <Star size={14} aria-hidden="true" className="filter-chip__icon" fill={pressed ? 'currentColor' : 'none'} />
      ) : pressed ? (
        <Check size={14} aria-hidden="true" className="filter-chip__icon" />
      ) : null}
      <span className="filter-chip__label" title={label}>
        {label}
      </span>{' '}
      <span className="filter-chip__count">{count.toLocaleString('en')}</span>{' '}
      <span className="visually-hidden">{entries(count)}</span>
    </Button>
  );
}

/**
 * "Show only": Favourites and one chip per tag of the vault. Chips wrap onto further lines rather than
 * scroll sideways; past TAG_CHIP_LIMIT tags the rest wait behind "+N more".
 */
export function EntryFilterBar({ tags, favorites, filters, onChange }: EntryFilterBarProps) {
  const labelId = useId();
  const hintId = useId();
  const [expanded, setExpanded] = useState(false);
  const firstChip = useRef<HTMLButtonElement>(null);
  const { shown, hidden } = visibleTags(tags, filters.tags, expanded);
  const many = tags.length > TAG_CHIP_LIMIT;

  const clear = () => {
    onChange(NO_FILTERS);
    // Clear filters disappears with the filters: keep the keyboard in the chips rather than on <body>.
    firstChip.current?.focus();
  };

  return (
    <div className="entry-filters" role="group" aria-labelledby={labelId} aria-describedby={hintId}>
      <span id={labelId} className="entry-filters__label">
        Show only
      </span>
      <FilterChip
        ref={firstChip}
        label="Favourites"
        count={favorites}
        pressed={filters.favorites}
        favourites
        onClick={() => onChange({ ...filters, favorites: !filters.favorites })}
      />
      {shown.map(({ tag, count }) => (
        <FilterChip
          key={tag}
          label={tag}
          count={count}
          pressed={filters.tags.includes(tag)}
          onClick={() => onChange(toggleTag(filters, tag))}
        />
      ))}
      {many ? (
        <Button size="sm" variant="ghost" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? (
            'Fewer tags'
          ) : (
            <>
              +{hidden} more <span className="visually-hidden">tags</span>
            </>
          )}
        </Button>
      ) : null}
      {hasFilters(filters) ? (
        <Button size="sm" variant="ghost" icon={X} onClick={clear}>
          Clear filters
        </Button>
      ) : null}
      {/* Said always to screen readers; shown once two tags are pressed, when it starts to matter. */}
      <span id={hintId} className={filters.tags.length > 1 ? 'entry-filters__hint' : 'visually-hidden'}>
        An entry must have every chosen tag
      </span>
    </div>
  );
}
