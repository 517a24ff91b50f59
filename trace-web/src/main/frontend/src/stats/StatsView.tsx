import { useMemo, useState } from 'react'
import { useWorkflowStats, useWorkflowVersion, useWorkflowVersions, type StatsRange } from '../api/hooks'
import type { NodeStats, WorkflowDefinition } from '../api/types'
import { WorkflowGraph } from '../canvas/WorkflowGraph'
import { useCanvasStore } from '../store/canvasStore'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { TimeRangePicker } from '../ui/TimeRangePicker'
import { NodeStatsPanel } from './NodeStatsPanel'
import { statsDecorations } from './nodeFigures'
import { DEFAULT_SINCE, formatStatsQuery, MEASURES, parseStatsQuery, toStatsRange, type StatsQuery } from './statsQuery'
import './StatsView.css'

/**
 * The Stats tab's container: the workflow's graph with each node's figures over a time range, of
 * one version or all, coloured by the chosen measure; a node's panel links its example traces.
 * Its choices live in the URL (/workflows/{id}/stats?…).
 */
export function StatsView({ workflowId }: { workflowId: string }) {
  const search = useCanvasStore((s) => s.statsQuery)
  const setStatsQuery = useCanvasStore((s) => s.setStatsQuery)
  const query = useMemo(() => parseStatsQuery(search), [search])
  const update = (change: Partial<StatsQuery>) => setStatsQuery(formatStatsQuery({ ...query, ...change }))
  // A relative range ends when it was chosen (or the page opened), not at every render.
  const [now, setNow] = useState(() => Date.now())
  const range = useMemo(() => toStatsRange(query, now), [query, now])
  const stats = useWorkflowStats(workflowId, range)
  const definition = useWorkflowVersion(workflowId, query.version ?? null)

  return (
    <div className="stats-view" data-testid="stats-view">
      <StatsToolbar
        workflowId={workflowId}
        query={query}
        onChange={(change) => {
          setNow(Date.now())
          update(change)
        }}
      />
      {stats.status === 'error' && <ErrorBox error={stats.error} title="Could not load the statistics" />}
      {definition.status === 'error' && (
        <ErrorBox error={definition.error} title={`Could not load version ${query.version ?? 'latest'}`} />
      )}
      {(stats.status === 'loading' || definition.status === 'loading') && <Spinner label="Loading statistics…" />}
      {stats.status === 'success' && definition.status === 'success' && (
        <StatsGraph
          range={range}
          definition={definition.data}
          stats={stats.data.nodes}
          currency={stats.data.currency}
          query={query}
          onSelectNode={(node) => update({ node: node === query.node ? undefined : node })}
        />
      )}
    </div>
  )
}

interface StatsGraphProps {
  range: StatsRange
  definition: WorkflowDefinition
  stats: NodeStats[]
  currency: string
  query: StatsQuery
  onSelectNode: (nodeId: string) => void
}

function StatsGraph({ range, definition, stats, currency, query, onSelectNode }: StatsGraphProps) {
  const decorations = useMemo(
    () =>
      statsDecorations(
        definition.nodes.map((node) => node.id),
        stats,
        query.measure,
        currency,
      ),
    [definition, stats, query.measure, currency],
  )
  const selected = query.node ? (stats.find((node) => node.nodeId === query.node) ?? null) : null
  const runs = Math.max(0, ...stats.map((node) => node.executions))
  return (
    <>
      <p className="stats-view__summary" data-testid="stats-summary">
        {runs === 0
          ? 'No runs of this workflow in this range.'
          : `${stats.length} of ${definition.nodes.length} nodes ran; up to ${runs.toLocaleString('en')} executions each.`}
        {runs > 0 && (
          <span className="stats-legend" aria-label="Colour scale">
            {MEASURES.find((m) => m.measure === query.measure)?.label}: lowest
            <span className="stats-legend__bar" aria-hidden="true" />
            highest
          </span>
        )}
      </p>
      <div className="split">
        <WorkflowGraph
          key={`${definition.id}@${definition.version}`}
          definition={definition}
          trace={null}
          live={null}
          selectedSpanId={null}
          decorations={decorations}
          onSelectNode={onSelectNode}
          selectedNodeId={query.node ?? null}
        />
        {query.node && (
          <NodeStatsPanel
            workflowId={definition.id}
            nodeId={query.node}
            range={range}
            stats={selected}
            currency={currency}
          />
        )}
      </div>
    </>
  )
}

interface StatsToolbarProps {
  workflowId: string
  query: StatsQuery
  onChange: (change: Partial<StatsQuery>) => void
}

function StatsToolbar({ workflowId, query, onChange }: StatsToolbarProps) {
  const versions = useWorkflowVersions(workflowId)
  return (
    <div className="stats-toolbar" role="toolbar" aria-label="Statistics">
      <TimeRangePicker
        value={query}
        onChange={(range) => onChange({ since: range.since, from: range.from, to: range.to })}
        defaultSince={DEFAULT_SINCE}
        testIdPrefix="stats"
        fieldClassName="stats-toolbar__field"
      />
      <label className="stats-toolbar__field">
        <span className="field-label">Version</span>
        <select
          className="input input--small"
          value={query.version ?? ''}
          onChange={(event) =>
            onChange({ version: event.target.value ? Number(event.target.value) : undefined, node: undefined })
          }
          data-testid="stats-version"
        >
          <option value="">All versions (latest graph)</option>
          {versions.status === 'success' &&
            versions.data.map((v) => (
              <option key={v.version} value={v.version}>
                Version {v.version}
              </option>
            ))}
        </select>
      </label>
      <label className="stats-toolbar__field">
        <span className="field-label">Colour by</span>
        <select
          className="input input--small"
          value={query.measure}
          onChange={(event) => onChange({ measure: event.target.value as StatsQuery['measure'] })}
          data-testid="stats-measure"
        >
          {MEASURES.map((m) => (
            <option key={m.measure} value={m.measure}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
