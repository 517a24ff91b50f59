import { useState } from 'react'
import { useRuns } from '../api/hooks'
import type { RunStatus } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatDateTime, formatMillis } from '../ui/format'
import './RunHistory.css'

const STATUSES: RunStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED']

/** The selected workflow's runs, newest first; clicking one selects it. */
export function RunHistory({ workflowId }: { workflowId: string }) {
  const [status, setStatus] = useState<RunStatus | ''>('')
  const { state, runs, hasMore, loadMore, loadingMore, loadMoreError } = useRuns(workflowId, status || undefined)
  const selectedRunId = useCanvasStore((s) => s.selectedRunId)
  const selectRun = useCanvasStore((s) => s.selectRun)

  return (
    <section className="run-history" data-testid="run-history" aria-label="Run history">
      <header className="panel-header">
        <h2>Runs</h2>
        <select
          className="input input--small"
          aria-label="Filter runs by status"
          value={status}
          onChange={(event) => setStatus(event.target.value as RunStatus | '')}
        >
          <option value="">All</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </header>

      {state.status === 'loading' && !state.data && <Spinner label="Loading runs…" />}
      {state.status === 'error' && <ErrorBox error={state.error} title="Could not load the runs" />}
      {state.status === 'success' && runs.length === 0 && (
        <EmptyState>{status ? `No ${status.toLowerCase()} runs.` : 'No runs yet — run the workflow.'}</EmptyState>
      )}

      {runs.length > 0 && (
        <ul className="run-list">
          {runs.map((run) => (
            <li key={run.runId}>
              <button
                type="button"
                className="run-item"
                aria-current={run.runId === selectedRunId ? 'true' : undefined}
                onClick={() => selectRun(run.runId, run.traceId)}
                title={run.error ?? `Run ${run.runId}`}
                data-testid={`run-item-${run.runId}`}
              >
                <StatusBadge status={run.status} />
                <span className="run-item__duration">{formatMillis(run.durationMs)}</span>
                <time className="run-item__time" dateTime={run.startedAt}>
                  {formatDateTime(run.startedAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}

      {loadMoreError && <ErrorBox error={loadMoreError} title="Could not load more runs" />}
      {hasMore && (
        <button type="button" className="button button--small" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  )
}
