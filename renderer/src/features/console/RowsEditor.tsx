import { Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { newRow, rowsToText, textToRows, type DraftRow } from './draft';

interface RowsEditorProps {
  /** "Params", "Headers", "Form fields": names the table and its buttons. */
  label: string;
  /** The singular, for row labels: "parameter", "header", "field". */
  noun: string;
  rows: DraftRow[];
  onChange: (rows: DraftRow[]) => void;
  /** Raw text separator; omit for a table without a Raw view. */
  separator?: ': ' | '=';
  /** Shows the Send column (rows turned off are kept but not sent). */
  withEnabled?: boolean;
  /** Adds a Content type column (multipart parts). */
  withContentType?: boolean;
}

/**
 * Name/value rows as an editable table (name, value, enabled, remove; Add), or as raw text lines
 * (`name: value` or `name=value`; a disabled row starts with `# `). Switching views round-trips.
 */
export function RowsEditor({
  label,
  noun,
  rows,
  onChange,
  separator,
  withEnabled = true,
  withContentType = false,
}: RowsEditorProps) {
  const [raw, setRaw] = useState<string | null>(null);
  const rawId = useId();
  const update = (id: number, change: Partial<DraftRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));

  return (
    <div className="rows-editor">
      {separator ? (
        <label className="rows-editor__toggle">
          <input
            type="checkbox"
            checked={raw !== null}
            onChange={(event) => {
              if (event.target.checked) setRaw(rowsToText(rows, separator));
              else setRaw(null);
            }}
          />
          Raw
        </label>
      ) : null}
      {raw !== null && separator ? (
        <div className="text-field">
          <label htmlFor={rawId} className="text-field__label">
            {label} as text
          </label>
          <textarea
            id={rawId}
            className="text-field__input console__mono"
            rows={6}
            spellCheck={false}
            value={raw}
            placeholder={separator === '=' ? 'name=value' : 'Name: value'}
            onChange={(event) => {
              setRaw(event.target.value);
              onChange(textToRows(event.target.value, separator));
            }}
          />
          <p className="text-field__hint">One per line. A line starting with # is kept but not sent.</p>
        </div>
      ) : (
        <>
          <table
            className={withContentType ? 'rows-editor__table rows-editor__table--typed' : 'rows-editor__table'}
            aria-label={label}
          >
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">{withContentType ? 'Value and content type' : 'Value'}</th>
                {withEnabled ? <th scope="col">Send</th> : null}
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.id}>
                  <td>
                    <input
                      className="text-field__input"
                      aria-label={`${label} ${index + 1} name`}
                      value={row.name}
                      spellCheck={false}
                      autoComplete="off"
                      onChange={(event) => update(row.id, { name: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="text-field__input"
                      aria-label={`${label} ${index + 1} value`}
                      value={row.value}
                      spellCheck={false}
                      autoComplete="off"
                      onChange={(event) => update(row.id, { value: event.target.value })}
                    />
                    {withContentType ? (
                      <input
                        className="text-field__input rows-editor__subfield"
                        aria-label={`${label} ${index + 1} content type`}
                        value={row.contentType ?? ''}
                        placeholder="Content type"
                        spellCheck={false}
                        autoComplete="off"
                        onChange={(event) => update(row.id, { contentType: event.target.value })}
                      />
                    ) : null}
                  </td>
                  {withEnabled ? (
                    <td className="rows-editor__check">
                      <input
                        type="checkbox"
                        aria-label={`Send ${label.toLowerCase()} ${index + 1}`}
                        checked={row.enabled}
                        onChange={(event) => update(row.id, { enabled: event.target.checked })}
                      />
                    </td>
                  ) : null}
                  <td className="rows-editor__check">
                    <Button
                      size="sm"
                      variant="ghost"
                      icon={Trash2}
                      aria-label={`Remove ${noun} ${index + 1}`}
                      title={`Remove ${noun}`}
                      onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button
            size="sm"
            icon={Plus}
            onClick={() => onChange([...rows, withContentType ? { ...newRow(), contentType: '' } : newRow()])}
          >
            Add {noun}
          </Button>
        </>
      )}
    </div>
  );
}
