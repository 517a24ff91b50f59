import type { RunStatus, SpanStatus } from '../api/types'

const tone: Record<RunStatus | SpanStatus, string> = {
  SUCCEEDED: 'ok',
  OK: 'ok',
  FAILED: 'error',
  ERROR: 'error',
  RUNNING: 'running',
  QUEUED: 'neutral',
  CANCELLED: 'cancelled',
  ABORTED: 'error',
  UNSET: 'neutral',
}

/** A run's or a span's status as a coloured badge. */
export function StatusBadge({ status }: { status: RunStatus | SpanStatus }) {
  return <span className={`status-badge status-badge--${tone[status] ?? 'neutral'}`}>{status}</span>
}
