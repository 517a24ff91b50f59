import { useMemo } from 'react'
import { useRunComparison } from '../api/hooks'
import type { Run, RunComparison } from '../api/types'
import { WorkflowGraph } from '../canvas/WorkflowGraph'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatCost, formatDateTime, formatMillis, formatUsage } from '../ui/format'
import { alignedDefinition, compareDecorations, currencyOf, signed } from './compareFigures'
import { NodeComparePanel } from './NodeComparePanel'
import './ComparePage.css'

/**
 * The Compare page's container: two runs of one workflow (any versions) on one graph, nodes aligned
 * by id and marked added, removed, run on one side only or changed, with both sides' figures; a
 * node's panel diffs its texts. Its URL is /compare?left=&right=&node=.
 */
export function ComparePage() {
  const comparison = useCanvasStore((s) => s.comparison)
  const openCompare = useCanvasStore((s) => s.openCompare)
  const state = useRunComparison(comparison?.left ?? null, comparison?.right ?? null, null)
  if (!comparison) return <EmptyState>Pick two runs of a workflow to compare them.</EmptyState>
  const { left, right, node } = comparison
  return (
    <div className="compare-page" data-testid="compare-page">
      <header className="compare-page__header">
        <h2>Compare runs{state.status === 'success' ? ` of ${state.data.workflowId}` : ''}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => openCompare(right, left, node)}
          data-testid="compare-swap"
        >
          Swap sides
        </button>
      </header>
      {state.status === 'loading' && <Spinner label="Comparing…" />}
      {state.status === 'error' && <ErrorBox error={state.error} title="Could not compare the runs" />}
      {state.status === 'success' && (
        <Compared
          comparison={state.data}
          node={node}
          onSelectNode={(id) => openCompare(left, right, id === node ? null : id)}
        />
      )}
    </div>
  )
}

interface ComparedProps {
  comparison: RunComparison
  node: string | null
  onSelectNode: (nodeId: string) => void
}

function Compared({ comparison, node, onSelectNode }: ComparedProps) {
  const definition = useMemo(() => alignedDefinition(comparison), [comparison])
  const currency = currencyOf(comparison)
  const decorations = useMemo(() => compareDecorations(comparison, currency), [comparison, currency])
  const selected = comparison.nodes.find((n) => n.nodeId === node) ?? null
  return (
    <>
      <div className="compare-runs">
        <RunCard side="Left" run={comparison.left} />
        <RunCard side="Right" run={comparison.right} />
        <Totals comparison={comparison} currency={currency} />
      </div>
      <div className="split">
        <WorkflowGraph
          key={`${comparison.left.runId}:${comparison.right.runId}`}
          definition={definition}
          trace={null}
          live={null}
          selectedSpanId={null}
          decorations={decorations}
          onSelectNode={onSelectNode}
          selectedNodeId={node}
        />
        {selected && <NodeComparePanel comparison={comparison} node={selected} currency={currency} />}
      </div>
    </>
  )
}

function RunCard({ side, run }: { side: string; run: Run }) {
  const openTrace = useCanvasStore((s) => s.openTrace)
  return (
    <section className="compare-run" data-testid={`compare-${side.toLowerCase()}`} aria-label={`${side} run`}>
      <h3>
        {side}: <StatusBadge status={run.status} /> version {run.workflowVersion}
      </h3>
      <p>
        <time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time> · {formatMillis(run.durationMs)}
        {run.usage && <> · {formatUsage(run.usage)}</>}
      </p>
      {run.traceId && (
        <a
          href={`/traces/${run.traceId}`}
          className="mono"
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
            event.preventDefault()
            openTrace(run.traceId!, null)
          }}
        >
          trace {run.traceId.slice(0, 12)}…
        </a>
      )}
    </section>
  )
}

const changeNames: Record<string, string> = {
  same: 'same',
  changed: 'changed',
  status: 'ended differently',
  added: 'added',
  removed: 'removed',
  notRunLeft: 'only on the right',
  notRunRight: 'only on the left',
  notRun: 'run on neither',
}

function Totals({ comparison, currency }: { comparison: RunComparison; currency: string }) {
  const { total, changes } = comparison
  if (!total) return null
  return (
    <section className="compare-run" data-testid="compare-totals" aria-label="Differences">
      <h3>Right minus left</h3>
      <p>
        {signed(total.durationMs, formatMillis)} · {signed(total.totalTokens, (n) => n.toLocaleString('en'))} tokens
        {total.cost != null && <> · {signed(total.cost, (c) => formatCost(c, currency))}</>}
      </p>
      <p className="note">
        {Object.entries(changes)
          .map(([change, count]) => `${count} ${changeNames[change] ?? change}`)
          .join(' · ')}
      </p>
    </section>
  )
}
