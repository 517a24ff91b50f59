import type { ExporterHealth } from '../api/types'
import { formatDateTime } from '../ui/format'
import { exporterState, formatCount } from './pipelineHealth'

/** Per exporter: healthy or degraded, its counters since startup, and its last error. */
export function ExporterTable({ exporters }: { exporters: readonly ExporterHealth[] }) {
  return (
    <table className="admin-table" data-testid="exporters-table">
      <thead>
        <tr>
          <th scope="col">Exporter</th>
          <th scope="col" className="admin-table__number">
            Exported
          </th>
          <th scope="col" className="admin-table__number">
            Failed
          </th>
          <th scope="col" className="admin-table__number">
            Dropped
          </th>
          <th scope="col" className="admin-table__number" title="Refused by the destination for good, set aside">
            Set aside
          </th>
          <th scope="col">Last error</th>
        </tr>
      </thead>
      <tbody>
        {exporters.map((exporter) => (
          <ExporterRow key={exporter.name} exporter={exporter} />
        ))}
      </tbody>
    </table>
  )
}

function ExporterRow({ exporter }: { exporter: ExporterHealth }) {
  const state = exporterState(exporter)
  return (
    <tr data-testid={`exporter-row-${exporter.name}`} data-state={state}>
      <th scope="row">
        {exporter.name}{' '}
        <span className={`status-badge status-badge--${state === 'healthy' ? 'ok' : 'error'}`}>{state}</span>
      </th>
      <td className="admin-table__number">{formatCount(exporter.exported)}</td>
      <td className="admin-table__number">{formatCount(exporter.failed)}</td>
      <td className="admin-table__number">{formatCount(exporter.dropped)}</td>
      <td className="admin-table__number" data-testid={`exporter-rejected-${exporter.name}`}>
        {formatCount(exporter.rejected)}
      </td>
      <td>
        {exporter.lastError ? (
          <>
            <span className="text-error">{exporter.lastError}</span>
            {exporter.lastErrorAt && (
              <time className="muted admin-table__when" dateTime={exporter.lastErrorAt}>
                {formatDateTime(exporter.lastErrorAt)}
              </time>
            )}
          </>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
    </tr>
  )
}
