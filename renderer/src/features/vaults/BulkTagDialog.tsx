import { useMemo, useState, type FormEvent } from 'react';
import type { EntryView } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useVaults } from '../../stores/vaults-store';

interface BulkTagDialogProps {
  entries: readonly EntryView[];
  onClose: () => void;
  onDone: (text: string) => void;
}

/** "prod, eu-west" → ["prod", "eu-west"]: commas separate tags, as in Add key. */
const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

/**
 * Tags for the selected entries: new tags typed once are added to each; a tag any of them has can be
 * ticked to remove it from all. Metadata only, so it works while the vault is locked.
 */
export function BulkTagDialog({ entries, onClose, onDone }: BulkTagDialogProps) {
  const tagEntries = useVaults((s) => s.tagEntries);
  const [adding, setAdding] = useState('');
  const [removing, setRemoving] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [missing, setMissing] = useState<string | undefined>(undefined);
  // Each tag any selected entry has, with how many of them have it.
  const present = useMemo(() => {
    const counts = new Map<string, number>();
    for (const entry of entries) for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  }, [entries]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const add = splitTags(adding);
    const remove = [...removing];
    if (add.length + remove.length === 0) return setMissing('Type a tag to add, or tick one to remove.');
    setMissing(undefined);
    setBusy(true);
    setFailure(null);
    const result = await tagEntries({ entryIds: entries.map((e) => e.id), add, remove });
    setBusy(false);
    if (isFailure(result)) return setFailure(result);
    const words = [
      ...(add.length > 0 ? [`added ${add.join(', ')}`] : []),
      ...(remove.length > 0 ? [`removed ${remove.join(', ')}`] : []),
    ];
    onDone(`Tags ${words.join(' and ')} on ${entries.length} ${entries.length === 1 ? 'key' : 'keys'}.`);
    onClose();
  };

  const toggle = (tag: string, on: boolean) =>
    setRemoving((current) => {
      const next = new Set(current);
      if (on) next.add(tag);
      else next.delete(tag);
      return next;
    });

  return (
    <Dialog
      title={`Tags of ${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Apply
          </Button>
        </>
      }
    >
      {failure ? (
        <Banner tone="danger" title="The tags were not changed">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField
        label="Add tags"
        name="add-tags"
        hint="Separate tags with commas, e.g. prod, eu-west."
        error={missing}
        value={adding}
        onChange={(event) => setAdding(event.target.value)}
      />
      {present.length > 0 ? (
        <fieldset className="bulk-tags__remove">
          <legend className="text-field__label">Remove tags</legend>
          {present.map(([tag, count]) => (
            <label key={tag} className="bulk-tags__option">
              <input
                type="checkbox"
                checked={removing.has(tag)}
                onChange={(event) => toggle(tag, event.target.checked)}
              />
              {tag}{' '}
              <span className="muted">
                ({count} of {entries.length})
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">None of these keys has a tag yet.</p>
      )}
    </Dialog>
  );
}
