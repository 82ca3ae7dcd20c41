import { Button } from '../../components/Button';
import { Banner } from '../../components/Banner';
import { selectPartProblems, useStatus } from '../../stores/status-store';
import { RecoveryDialog } from './RecoveryDialog';
import { describeBackup, manualAdvice, PART_WORDS } from './recovery-words';
import { useRecoveryFlow } from './use-recovery';
import './recovery.css';

/**
 * One banner per data file that could not be opened (vaults.json, console.json), above every screen:
 * what is wrong, the file, the backup, and the way back — restore the backup or start that part empty,
 * each after a confirmation; the damaged file is always kept. The rest of Keyhaven works meanwhile.
 */
export function DataProblemBanner() {
  const problems = useStatus(selectPartProblems);
  const flow = useRecoveryFlow();
  const asked = flow.asking ? problems.find((problem) => problem.part === flow.asking?.part) : undefined;

  return (
    <>
      {flow.done ? (
        <Banner
          tone="info"
          role="status"
          title={
            flow.done.action === 'startEmpty' ? PART_WORDS[flow.done.part].emptied : PART_WORDS[flow.done.part].restored
          }
          className="shell__banner"
          action={
            <Button size="sm" onClick={flow.dismiss}>
              Dismiss
            </Button>
          }
        >
          {flow.done.keptAs.map((path) => (
            <p key={path}>
              The damaged file was kept as <code>{path}</code>.
            </p>
          ))}
        </Banner>
      ) : null}
      {problems.map((problem) => {
        const words = PART_WORDS[problem.part];
        const advice = manualAdvice(problem);
        return (
          <Banner
            key={problem.part}
            tone={problem.kind === 'damaged' ? 'danger' : 'warning'}
            title={words.title}
            className="shell__banner recovery-banner"
            action={
              <div className="recovery-banner__actions">
                {problem.actions.includes('restoreBackup') ? (
                  <Button
                    size="sm"
                    variant="primary"
                    onClick={() => flow.ask({ part: problem.part, action: 'restoreBackup' })}
                  >
                    Restore backup…
                  </Button>
                ) : null}
                {problem.actions.includes('startEmpty') ? (
                  <Button size="sm" onClick={() => flow.ask({ part: problem.part, action: 'startEmpty' })}>
                    {words.startEmpty}…
                  </Button>
                ) : null}
                {problem.actions.includes('retry') ? (
                  <Button size="sm" onClick={() => void flow.run(problem.part, 'retry')}>
                    Try again
                  </Button>
                ) : null}
              </div>
            }
          >
            <p>
              {problem.summary} {words.works}
            </p>
            <p className="recovery__path">
              <code>{problem.file}</code>
            </p>
            {problem.backup ? <p>Backup: {describeBackup(problem.backup)}.</p> : null}
            {advice ? <p>{advice}</p> : null}
          </Banner>
        );
      })}
      {flow.asking && asked && flow.asking.action !== 'retry' ? (
        <RecoveryDialog
          problem={asked}
          action={flow.asking.action}
          onConfirm={() => flow.run(asked.part, flow.asking?.action ?? 'retry')}
          onClose={flow.cancel}
        />
      ) : null}
    </>
  );
}
