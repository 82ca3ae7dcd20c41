import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRestorableBackup } from '../../../electron/core/storage/backup-candidates';
import { DATA_DOCUMENTS } from '../../../electron/core/recovery/data-documents';
import { emptyConsoleFile } from '../../../electron/core/console/console-db';
import { makeTempDir } from '../../support/temp-dir';

const doc = DATA_DOCUMENTS.console;
const withSeq = (journalSeq: number) => JSON.stringify({ ...emptyConsoleFile(), journalSeq });

describe('the backup a restore uses', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  beforeEach(async () => {
    dir = await makeTempDir('keyhaven-backups');
    file = join(dir.path, 'console.json');
    await mkdir(join(dir.path, 'backups'));
  });
  afterEach(() => dir.remove());

  it('is the clean copy holding the most changes, whatever the file dates say', async () => {
    await writeFile(`${file}.bak`, withSeq(40));
    await writeFile(join(dir.path, 'backups', 'console-20261101-080000.json'), withSeq(55));
    await writeFile(join(dir.path, 'backups', 'console-20261102-080000.json'), withSeq(12));
    // The .bak looks newest by its date, yet holds fewer changes.
    await utimes(`${file}.bak`, new Date('2026-12-01'), new Date('2026-12-01'));
    expect(await findRestorableBackup(doc, file, file)).toMatchObject({
      file: join(dir.path, 'backups', 'console-20261101-080000.json'),
      kind: 'snapshot',
    });
  });

  it('skips copies that do not parse, have the wrong shape or come from a newer Keyhaven', async () => {
    await writeFile(`${file}.bak`, withSeq(3));
    await writeFile(join(dir.path, 'backups', 'console-20261101-080000.json'), '{"schemaVersion":1,"journalSeq":9');
    await writeFile(join(dir.path, 'backups', 'console-20261102-080000.json'), '{"schemaVersion":1,"journalSeq":9}');
    await writeFile(join(dir.path, 'backups', 'console-20261103-080000.json'), '{"schemaVersion":3,"journalSeq":9}');
    expect(await findRestorableBackup(doc, file, file)).toMatchObject({ file: `${file}.bak`, kind: 'previous' });
  });

  it('prefers the data file itself when only its journal failed, and finds nothing when nothing opens', async () => {
    await writeFile(file, withSeq(7));
    await writeFile(`${file}.bak`, withSeq(7));
    expect(await findRestorableBackup(doc, file, `${file}.journal`)).toMatchObject({ file, kind: 'compacted' });
    // When the data file itself failed, it is never its own backup.
    expect(await findRestorableBackup(doc, file, file)).toMatchObject({ kind: 'previous' });
    await writeFile(`${file}.bak`, '');
    expect(await findRestorableBackup(doc, file, file)).toBeNull();
  });
});
