import { useState, type FormEvent } from 'react';
import { importCurl } from '../../../../shared/console/curl-import';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useConsole } from '../../stores/console-store';

/**
 * Import curl: paste a command, it fills the editor. A key found in it moves to Authentication as a
 * typed key (masked there). The import's notes are shown after it, on the console.
 */
export function CurlImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (notes: string[]) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const loadRequest = useConsole((s) => s.loadRequest);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = importCurl(text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    loadRequest(result.request);
    onImported(result.notes);
  };

  return (
    <Dialog
      title="Import curl"
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Import
          </Button>
        </>
      }
    >
      <TextField
        label="curl command"
        name="curl"
        multiline
        className="console__mono"
        placeholder="curl -H 'x-api-key: …' https://api.example.com/v1/items"
        value={text}
        error={error ?? undefined}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
      />
    </Dialog>
  );
}
