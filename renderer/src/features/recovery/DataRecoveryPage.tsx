import { DatabaseBackup } from 'lucide-react';
import { useState } from 'react';
import type { DataProblem } from '../../../../shared/domain/data-recovery';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { PageCard } from '../../components/PageCard';
import { RecoveryDialog } from './RecoveryDialog';
import { describeBackup, manualAdvice, PART_WORDS } from './recovery-words';
import { recover } from './use-recovery';
import './recovery.css';

/**
 * Instead of the app when keyhaven.json cannot be opened: Keyhaven still refuses to start on empty
 * data (issued keys would stop verifying), but names the file, its backup and the one-click way back.
 */
export function DataRecoveryPage({ problem }: { problem: DataProblem }) {
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [retrying, setRetrying] = useState(false);
  const advice = manualAdvice(problem);

  // On success the status no longer names keyhaven.json, and the shell replaces this page with the app.
  const run = async (action: 'restoreBackup' | 'retry'): Promise<ApiFailure | null> => {
    const outcome = await recover('keys', action);
    return isFailure(outcome) ? outcome : null;
  };

  return (
    <PageCard icon={DatabaseBackup} title={PART_WORDS.keys.title}>
      <p>{problem.summary}</p>
      <p className="recovery__path">
        <code>{problem.file}</code>
      </p>
      <p className="page-card__muted">{PART_WORDS.keys.works}</p>
      {problem.backup ? (
        <p>A backup opens cleanly: {describeBackup(problem.backup)}. Restoring it keeps the damaged file next to it.</p>
      ) : null}
      {advice ? <p>{advice}</p> : null}
      {failure ? (
        <Banner tone="danger" title="Nothing was changed">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <div className="recovery-page__actions">
        {problem.actions.includes('restoreBackup') ? (
          <Button variant="primary" onClick={() => setAsking(true)}>
            Restore backup…
          </Button>
        ) : null}
        {problem.actions.includes('retry') ? (
          <Button
            busy={retrying}
            onClick={() => {
              setRetrying(true);
              void run('retry').then((result) => {
                setRetrying(false);
                setFailure(result);
              });
            }}
          >
            {retrying ? 'Trying…' : 'Try again'}
          </Button>
        ) : null}
      </div>
      {asking ? (
        <RecoveryDialog
          problem={problem}
          action="restoreBackup"
          onConfirm={() => run('restoreBackup')}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </PageCard>
  );
}
