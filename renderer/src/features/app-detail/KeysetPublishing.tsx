import { Download, FolderOutput } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { KEYSET_VALID_DAYS_MAX } from '../../../../shared/domain/app';
import type { KeysetStatus } from '../../../../shared/domain/keyset';
import { client, isFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { RelativeTime } from '../../components/RelativeTime';
import { TextField } from '../../components/TextField';
import { formatAbsolute } from '../../lib/time';
import { downloadFile } from '../vault-transfer/download';

/**
 * Export the keyset once, or publish it to a folder that every generate, rotate and revoke rewrites
 * (from the app or the command line), and how many days a keyset stays valid when nothing changes.
 */
export function KeysetPublishing({
  status,
  onChange,
}: {
  status: KeysetStatus;
  onChange: (next: KeysetStatus) => void;
}) {
  const [folder, setFolder] = useState(status.publishTo ?? '');
  const [days, setDays] = useState(String(status.validDays));
  const [busy, setBusy] = useState<'export' | 'save' | 'stop' | null>(null);
  const [problem, setProblem] = useState<{ field: 'folder' | 'days' | null; message: string } | null>(null);
  const [notice, setNotice] = useState('');

  const exportOnce = async () => {
    setBusy('export');
    setProblem(null);
    const result = await client.keysets.export({ appId: status.appId });
    setBusy(null);
    if (isFailure(result)) return setProblem({ field: null, message: result.message });
    downloadFile(result.fileName, result.contents);
    setNotice(`Saved ${result.fileName}.`);
    const refreshed = await client.keysets.status({ appId: status.appId });
    if (!isFailure(refreshed)) onChange(refreshed);
  };

  const save = async (publishTo: string | null, which: 'save' | 'stop') => {
    const validDays = Number(days);
    if (!Number.isInteger(validDays) || validDays < 1 || validDays > KEYSET_VALID_DAYS_MAX)
      return setProblem({
        field: 'days',
        message: `Valid for is a whole number of days from 1 to ${KEYSET_VALID_DAYS_MAX}.`,
      });
    if (publishTo !== null && publishTo.trim() === '')
      return setProblem({ field: 'folder', message: 'Type the full path of the folder to publish to.' });
    setBusy(which);
    setProblem(null);
    setNotice('');
    const result = await client.keysets.configure({ appId: status.appId, publishTo, validDays });
    setBusy(null);
    if (isFailure(result)) {
      const field = result.code === 'NOT_FOUND' || result.code === 'INVALID_INPUT' ? 'folder' : null;
      return setProblem({ field, message: result.message });
    }
    onChange(result);
    if (publishTo === null) setFolder('');
    setNotice(
      publishTo === null ? 'Publishing stopped: the file left in the folder is not touched again.' : 'Published.',
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(folder, 'save');
  };

  return (
    <div className="keyset-publishing">
      <h3 className="subsection-title">Keyset</h3>
      <div className="settings-form__actions">
        <Button icon={Download} busy={busy === 'export'} onClick={() => void exportOnce()}>
          Export keyset
        </Button>
        <span className="muted">
          Saves <code>{status.fileName}</code> once; export again after keys change.
        </span>
      </div>
      <form className="settings-form" noValidate onSubmit={submit}>
        <TextField
          label="Publish to folder"
          name="publishTo"
          value={folder}
          placeholder="/home/you/services/api/keys"
          onChange={(event) => setFolder(event.target.value)}
          error={problem?.field === 'folder' ? problem.message : undefined}
          hint={
            <>
              The full path of an existing folder. <code>{status.fileName}</code> there is rewritten within a second of
              every generate, rotate and revoke.
            </>
          }
        />
        <TextField
          label="Valid for (days)"
          name="validDays"
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={problem?.field === 'days' ? problem.message : undefined}
          hint="A service refuses a keyset past this; a published one is signed again at half of it while Keyhaven runs."
        />
        {problem && problem.field === null ? (
          <Banner tone="danger" title="The keyset was not published">
            <p>{problem.message}</p>
          </Banner>
        ) : null}
        <div className="settings-form__actions">
          <Button type="submit" variant="primary" icon={FolderOutput} busy={busy === 'save'}>
            {status.publishTo === null ? 'Publish' : 'Save publishing'}
          </Button>
          {status.publishTo !== null ? (
            <Button busy={busy === 'stop'} onClick={() => void save(null, 'stop')}>
              Stop publishing
            </Button>
          ) : null}
          <p role="status" className="settings-form__notice">
            {notice}
          </p>
        </div>
      </form>
      <PublishState status={status} />
    </div>
  );
}

function PublishState({ status }: { status: KeysetStatus }) {
  if (status.publishError)
    return (
      <Banner tone="warning" title="The last write to the publishing folder failed">
        <p>{status.publishError} Keys still work in Keyhaven; the next change tries again.</p>
      </Banner>
    );
  if (status.publishTo === null || status.publishedAt === null)
    return <p className="muted">{status.sequence === 0 ? 'Not published; no keyset made yet.' : 'Not published.'}</p>;
  return (
    <p className="muted">
      Published to <code>{status.publishTo}</code> (<code>{status.fileName}</code>) · last written{' '}
      <span title={formatAbsolute(status.publishedAt)}>
        <RelativeTime iso={status.publishedAt} />
      </span>
    </p>
  );
}
