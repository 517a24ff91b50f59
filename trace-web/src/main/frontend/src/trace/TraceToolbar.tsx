import type { MonitoringLink, Span, Trace } from '../api/types'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatCost, formatMicros, formatUsage } from '../ui/format'
import { DeleteTraceButton } from './DeleteTraceButton'
import { MonitoringLinks } from './MonitoringLinks'
import { TraceSearch, type TraceSearchProps } from './TraceSearch'
import './TraceToolbar.css'

interface TraceToolbarProps {
  trace: Trace
  /** A newer copy of the trace is on its way. */
  reloading: boolean
  /** The run failed, so "Follow failed node" is offered. */
  runFailed: boolean
  /** The failed node's span, or null when the trace has none to follow. */
  failedSpan: Span | null
  onFollowFailedNode: () => void
  search: TraceSearchProps
  onExpandAll: () => void
  onCollapseAll: () => void
  /** Shows every node with its attempts folded away. */
  onCollapseAttempts: () => void
  onReload: () => void
  /** Whether the critical path is highlighted, and how to switch it. */
  criticalPath: { shown: boolean; onToggle: () => void }
  /** Waterfall or table, and how to switch. */
  layout: { current: 'waterfall' | 'table'; onChange: (layout: 'waterfall' | 'table') => void }
  /** Present only for users who may delete the trace. */
  onDelete?: () => Promise<void>
  /** The server's dashboard links, once known. */
  monitoringLinks?: readonly MonitoringLink[]
}

/** Everything above the waterfall: what the trace is, and what can be done with it. */
export function TraceToolbar(props: TraceToolbarProps) {
  const { trace, runFailed, failedSpan, onDelete, monitoringLinks } = props
  return (
    <div className="trace-toolbar">
      <TraceSummary trace={trace} reloading={props.reloading} />
      {runFailed && <FollowFailedNodeButton failedSpan={failedSpan} onClick={props.onFollowFailedNode} />}
      <TraceSearch {...props.search} />
      <div className="trace-toolbar__folding" role="group" aria-label="Layout">
        {(['waterfall', 'table'] as const).map((layout) => (
          <button
            key={layout}
            type="button"
            className="button button--small"
            aria-pressed={props.layout.current === layout}
            onClick={() => props.layout.onChange(layout)}
            data-testid={`trace-layout-${layout}`}
          >
            {layout === 'waterfall' ? 'Waterfall' : 'Table'}
          </button>
        ))}
      </div>
      <div className="trace-toolbar__folding">
        <button type="button" className="button button--small" onClick={props.onExpandAll}>
          Expand all
        </button>
        <button type="button" className="button button--small" onClick={props.onCollapseAll}>
          Collapse all
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={props.onCollapseAttempts}
          title="Every node, with its attempts folded away"
          data-testid="collapse-attempts"
        >
          Hide attempts
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={props.criticalPath.shown}
          onClick={props.criticalPath.onToggle}
          title="Highlight the chain of spans the run's duration waited for"
          data-testid="critical-path-toggle"
        >
          Critical path
        </button>
        <button type="button" className="button button--small" onClick={props.onReload}>
          Reload
        </button>
        <a
          className="button button--small"
          href={`/api/traces/${trace.traceId}/otlp`}
          download={`trace-${trace.traceId}.otlp.json`}
          data-testid="download-otlp"
          title="The whole trace as an OTLP JSON file, for any OTLP tool (or an import here)"
        >
          Download OTLP
        </a>
        {onDelete && <DeleteTraceButton spanCount={trace.spanCount} onDelete={onDelete} />}
      </div>
      {monitoringLinks && <MonitoringLinks links={monitoringLinks} trace={trace} />}
    </div>
  )
}

/** The run's status, the trace's duration, span and error counts. */
function TraceSummary({ trace, reloading }: { trace: Trace; reloading: boolean }) {
  return (
    <div className="trace-summary">
      {trace.run && <StatusBadge status={trace.run.status} />}
      <span>{formatMicros(trace.durationMicros)}</span>
      <span>{trace.spanCount.toLocaleString()} spans</span>
      {trace.errorCount > 0 && <span className="text-error">{trace.errorCount} errors</span>}
      {trace.run?.usage && <RunUsageSummary usage={trace.run.usage} />}
      {trace.completeness.foreignSpans > 0 && (
        <span data-testid="trace-foreign" title="Spans the services the workflow called sent over OTLP">
          {trace.completeness.foreignSpans.toLocaleString()} from {trace.completeness.foreignServices.join(', ')}
        </span>
      )}
      {trace.run?.imported && (
        <span className="badge" title="Loaded from an OTLP file, not executed here">
          imported
        </span>
      )}
      {reloading && <Spinner label="Refreshing…" />}
    </div>
  )
}

/** The run's tokens and cost, and what of it went to attempts that failed. */
function RunUsageSummary({ usage }: { usage: NonNullable<NonNullable<Trace['run']>['usage']> }) {
  const failed = usage.failedAttemptTokens > 0
  return (
    <span data-testid="trace-usage" title="Over every attempt, retries included">
      {formatUsage(usage)}
      {failed && (
        <span className="muted" data-testid="trace-usage-failed">
          {' '}
          (
          {usage.cost == null
            ? `${usage.failedAttemptTokens.toLocaleString()} tokens`
            : formatCost(usage.failedAttemptCost, usage.currency)}{' '}
          on failed attempts)
        </span>
      )}
    </span>
  )
}

/** Selects the failed node's span; disabled when the trace has none. */
function FollowFailedNodeButton({ failedSpan, onClick }: { failedSpan: Span | null; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button button--danger"
      onClick={onClick}
      disabled={!failedSpan}
      title={failedSpan ? `Select ${failedSpan.name}` : 'No failed node span in this trace'}
      data-testid="follow-failed-node"
    >
      Follow failed node
    </button>
  )
}
