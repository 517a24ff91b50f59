import type { ExporterHealth, QueueHealth, TracingPipeline } from '../api/types'
import { formatDateTime } from '../ui/format'
import { exporterState, formatCount, queueFill } from './pipelineHealth'
import { RecordingSwitch } from './RecordingSwitch'
import './PipelineHealth.css'

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

function QueueBar({ queue }: { queue: QueueHealth }) {
  const fill = queueFill(queue)
  return (
    <li className="queue" data-testid={`queue-${queue.name}`}>
      <span className="queue__name">{queue.name}</span>
      <div
        className="queue__bar"
        role="meter"
        aria-label={`${queue.name} queue fill`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fill.percent)}
        aria-valuetext={fill.label}
      >
        <div className={`queue__fill queue__fill--${fill.level}`} style={{ width: `${fill.percent}%` }} />
      </div>
      <span className="queue__label">
        {fill.label}
        {queue.dropped > 0 && <span className="text-error"> · {formatCount(queue.dropped)} dropped (queue full)</span>}
      </span>
    </li>
  )
}

/** Whether spans leave the server: per exporter counters and errors, queue fill, the retry buffer. */
export function PipelineHealth({ pipeline }: { pipeline: TracingPipeline }) {
  return (
    <section className="admin-section" aria-labelledby="admin-pipeline-title">
      <h3 id="admin-pipeline-title">
        Pipeline{' '}
        <span
          className={`status-badge status-badge--${pipeline.recording ? 'ok' : 'neutral'}`}
          data-testid="tracing-state"
        >
          {!pipeline.enabled ? 'tracing off' : pipeline.recording ? 'tracing on' : 'recording paused'}
        </span>
      </h3>
      {pipeline.enabled && <RecordingSwitch recording={pipeline.recording} />}
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
          {pipeline.exporters.map((exporter) => (
            <ExporterRow key={exporter.name} exporter={exporter} />
          ))}
        </tbody>
      </table>
      <h4>Queues</h4>
      <ul className="queue-list">
        {pipeline.queues.map((queue) => (
          <QueueBar key={queue.name} queue={queue} />
        ))}
      </ul>
      <p className="note" data-testid="retry-buffer">
        Retry buffer: {formatCount(pipeline.retryBufferSpans)} spans waiting for another export attempt.
      </p>
      <p className="note" data-testid="run-journal">
        Run records: {formatCount(pipeline.runJournal.pending)} waiting for the database,{' '}
        {formatCount(pipeline.runJournal.repaired)} stored without inputs or outputs,{' '}
        <span className={pipeline.runJournal.rejected + pipeline.runJournal.dropped > 0 ? 'text-error' : undefined}>
          {formatCount(pipeline.runJournal.rejected)} set aside, {formatCount(pipeline.runJournal.dropped)} dropped
        </span>
        .
      </p>
    </section>
  )
}
