import { useState } from 'react'
import type { StorageAdmin, StoredTable } from '../api/types'
import { ErrorBox } from '../ui/ErrorBox'
import { formatDateTime } from '../ui/format'
import { AdminSection } from './AdminSection'
import { formatCount, formatMebibytes } from './pipelineHealth'
import './StoragePanel.css'

/**
 * How spans and runs are stored: on PostgreSQL their time partitions with sizes and rows, the
 * default partition's rows (writes no partition held), what making partitions and retention last
 * did on this server, and a button that makes missing partitions now.
 */
export function StoragePanel({
  storage,
  onMakePartitions,
}: {
  storage: StorageAdmin
  /** Asks the server to make missing partitions now; a rejection is shown under the button. */
  onMakePartitions: () => Promise<void>
}) {
  return (
    <AdminSection titleId="admin-storage-title" title="Storage">
      {storage.partitioned ? (
        <>
          <p className="muted" data-testid="storage-summary">
            Spans and runs are partitioned by time. This server made {formatCount(storage.partitionsCreated)} partitions
            and retention dropped {formatCount(storage.partitionsDropped)}; last check{' '}
            {formatDateTime(storage.lastPartitionCheck)}, last purge {formatDateTime(storage.lastPurge)}.
          </p>
          {storage.partitionFailures > 0 && (
            <p className="storage-failure" role="alert" data-testid="partition-failure">
              {formatCount(storage.partitionFailures)} partitions could not be made: {storage.lastPartitionFailure}
            </p>
          )}
          <MakePartitionsButton onMakePartitions={onMakePartitions} />
          {storage.tables.map((table) => (
            <PartitionTable key={table.table} table={table} />
          ))}
        </>
      ) : (
        <p className="muted" data-testid="storage-summary">
          Spans and runs are in plain tables (H2): retention deletes old runs row by row. Last purge{' '}
          {formatDateTime(storage.lastPurge)}.
        </p>
      )}
    </AdminSection>
  )
}

function PartitionTable({ table }: { table: StoredTable }) {
  return (
    <table className="admin-table storage-table" data-testid={`partitions-${table.table}`}>
      <caption>
        {table.table}: {formatMebibytes(table.bytes)}
        {table.defaultRows > 0 && (
          <span className="storage-default" data-testid={`default-rows-${table.table}`}>
            {' '}
            · {formatCount(table.defaultRows)} rows in the default partition
          </span>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">Partition</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Size</th>
          <th scope="col">Rows (estimate)</th>
        </tr>
      </thead>
      <tbody>
        {table.partitions.map((partition) => (
          <tr key={partition.name} data-testid="partition-row" data-name={partition.name}>
            <th scope="row">
              <code>{partition.name}</code>
            </th>
            <td>{partition.from ? formatDateTime(partition.from) : 'default'}</td>
            <td>{partition.to ? formatDateTime(partition.to) : '—'}</td>
            <td>{formatMebibytes(partition.bytes)}</td>
            <td>{partition.estimatedRows < 0 ? 'not analysed yet' : formatCount(partition.estimatedRows)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function MakePartitionsButton({ onMakePartitions }: { onMakePartitions: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function make() {
    setBusy(true)
    setError(null)
    try {
      await onMakePartitions()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="storage-actions">
      <button
        type="button"
        className="button button--small"
        onClick={make}
        disabled={busy}
        data-testid="make-partitions"
      >
        Make missing partitions now
      </button>
      <span className="muted">The server checks every 30 minutes; after mending a failure, check now.</span>
      {error !== null && <ErrorBox error={error} action="admin" title="Could not make partitions" />}
    </div>
  )
}
