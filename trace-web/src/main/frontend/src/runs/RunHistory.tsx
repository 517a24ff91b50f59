import type { RunsResult } from '../api/hooks'
import { RUN_STATUSES, type RunStatus } from '../api/types'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatCost, formatDateTime, formatMillis, formatUsage } from '../ui/format'
import { Elapsed } from '../ui/Elapsed'
import { CompareBar, PickToCompare } from '../compare/PickToCompare'
import './RunHistory.css'

interface RunHistoryProps {
  /** The runs, newest first, with "load more". */
  runs: RunsResult
  /** The status filter; '' shows every run. */
  status: RunStatus | ''
  onStatusChange: (status: RunStatus | '') => void
  selectedRunId: string | null
  onSelectRun: (runId: string, traceId: string | null) => void
}

/** Whether a run is still queued or running. */
export function isGoing(status: RunStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING'
}

/** A workflow's runs, newest first, filtered by status; clicking one selects it. */
export function RunHistory({ runs: result, status, onStatusChange, selectedRunId, onSelectRun }: RunHistoryProps) {
  const { state, runs, hasMore, loadMore, loadingMore, loadMoreError } = result
  return (
    <section className="run-history" data-testid="run-history" aria-label="Run history">
      <header className="panel-header">
        <h2>Runs</h2>
        <select
          className="input input--small"
          aria-label="Filter runs by status"
          value={status}
          onChange={(event) => onStatusChange(event.target.value as RunStatus | '')}
        >
          <option value="">All</option>
          {RUN_STATUSES.map((s) => (
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

      <CompareBar />
      {runs.length > 0 && (
        <ul className="run-list">
          {runs.map((run) => (
            <li key={run.runId} className="run-list__row">
              <PickToCompare run={run} />
              <button
                type="button"
                className="run-item"
                aria-current={run.runId === selectedRunId ? 'true' : undefined}
                onClick={() => onSelectRun(run.runId, run.traceId)}
                title={run.error ?? `Run ${run.runId}`}
                data-testid={`run-item-${run.runId}`}
              >
                <StatusBadge status={run.status} />
                <span className="run-item__duration">
                  {isGoing(run.status) ? <Elapsed since={run.startedAt} suffix="…" /> : formatMillis(run.durationMs)}
                </span>
                {run.usage?.cost != null && (
                  <span className="run-item__cost" data-testid="run-item-cost" title={formatUsage(run.usage) ?? ''}>
                    {formatCost(run.usage.cost, run.usage.currency)}
                  </span>
                )}
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
