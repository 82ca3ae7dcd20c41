import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { Table, type Column } from '../../components/Table';
import { publicKeyPart } from '../../lib/key-display';

const COLUMNS: readonly Column<IssuedKeySummary>[] = [
  { id: 'name', header: 'Name', cell: (key) => key.name, className: 'cell-strong' },
  {
    id: 'key',
    header: 'Key',
    cell: (key) => <code className="key-chip">{`${publicKeyPart(key)}…`}</code>,
  },
  { id: 'created', header: 'Created', cell: (key) => <RelativeTime iso={key.createdAt} /> },
  { id: 'status', header: 'Status', cell: (key) => <StatusBadge status={key.status} /> },
];

export function KeysTable({ appName, keys }: { appName: string; keys: readonly IssuedKeySummary[] }) {
  return <Table caption={`API keys of ${appName}`} columns={COLUMNS} rows={keys} rowKey={(key) => key.id} />;
}
