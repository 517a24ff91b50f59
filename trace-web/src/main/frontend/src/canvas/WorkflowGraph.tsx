import { Background, Controls, ReactFlow, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useMemo } from 'react'
import type { Trace, WorkflowDefinition } from '../api/types'
import type { LiveRunState } from '../live/liveRun'
import { nodeSpansByNodeId } from '../trace/spanFacts'
import { ancestorIds, spansById } from '../trace/spanRows'
import { GraphLegend } from './GraphLegend'
import './WorkflowGraph.css'
import { edgesOf, toCanvasEdges, toCanvasNodes, type CanvasNode } from './graphModel'
import { countStates, groupParallelSiblings, groupState, type StateCounts } from './grouping'
import { layoutByDepth } from './layout'
import { liveNodeStates, nodeRunStates } from './nodeStates'
import { nodeTypes } from './nodeTypes'

// Big graphs (the 1,000-node fan-out) only draw what is on screen.
const LARGE_GRAPH = 200

interface WorkflowGraphProps {
  definition: WorkflowDefinition
  /** The selected run's trace, which colours the nodes; null when none is selected or loaded. */
  trace: Trace | null
  /** The selected run as it happens; its events colour the nodes when they say anything. */
  live: LiveRunState | null
  selectedSpanId: string | null
  /** Selects a span, opening its collapsed ancestors in the timeline. */
  onRevealSpan: (spanId: string, ancestorIds: readonly string[]) => void
}

/** The workflow as a graph, coloured by the selected run. Clicking a node selects its span. */
export function WorkflowGraph({ definition, trace, live, selectedSpanId, onRevealSpan }: WorkflowGraphProps) {
  // Many parallel siblings are drawn as one group node, so a 1,000-node fan-out stays readable.
  const grouped = useMemo(() => groupParallelSiblings(definition), [definition])
  const drawn = grouped.definition
  const positions = useMemo(
    () =>
      layoutByDepth(
        drawn.nodes.map((node) => node.id),
        edgesOf(drawn),
      ),
    [drawn],
  )
  const nodeTypesById = useMemo(() => new Map(definition.nodes.map((node) => [node.id, node.type])), [definition])
  const nodeSpans = useMemo(
    () => (trace ? nodeSpansByNodeId(trace.spans, nodeTypesById) : null),
    [trace, nodeTypesById],
  )
  const states = useMemo(
    () =>
      liveNodeStates(definition.nodes, live) ??
      nodeRunStates(
        definition.nodes,
        edgesOf(definition),
        trace ? { status: trace.run?.status ?? 'SUCCEEDED', spans: trace.spans } : null,
      ),
    [definition, trace, live],
  )
  const selectedNodeId = (trace && selectedSpanId && spansById(trace.spans).get(selectedSpanId)?.nodeId) || null
  const highlightedNodeId = selectedNodeId ? (grouped.groupOf.get(selectedNodeId) ?? selectedNodeId) : null
  const groups = useMemo(() => {
    const summary = new Map<string, { size: number; counts: StateCounts }>()
    grouped.members.forEach((ids, id) => summary.set(id, { size: ids.length, counts: countStates(ids, states) }))
    return summary
  }, [grouped, states])
  const drawnStates = useMemo(() => {
    if (groups.size === 0) return states
    const merged = new Map(states)
    groups.forEach((group, id) => merged.set(id, groupState(group.counts)))
    return merged
  }, [states, groups])

  const nodes = useMemo(
    () => toCanvasNodes(drawn, positions, drawnStates, highlightedNodeId, groups),
    [drawn, positions, drawnStates, highlightedNodeId, groups],
  )
  const edges = useMemo(() => toCanvasEdges(drawn), [drawn])

  const onNodeClick = useCallback<NodeMouseHandler<CanvasNode>>(
    (_, node) => {
      // A group selects its first failed member's span, or its first member's.
      const members = grouped.members.get(node.id)
      const nodeId = members ? (members.find((id) => states.get(id) === 'failed') ?? members[0]) : node.id
      const span = nodeSpans?.get(nodeId)
      if (trace && span) onRevealSpan(span.spanId, ancestorIds(span.spanId, trace.spans))
    },
    [grouped, states, nodeSpans, trace, onRevealSpan],
  )

  return (
    <div className="graph" aria-label={`Graph of ${definition.name}`}>
      <ReactFlow<CanvasNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={nodes.length > LARGE_GRAPH}
        minZoom={0.02}
        fitView
      >
        <Background />
        <Controls showInteractive={false} />
        <GraphLegend
          coloured={trace !== null || live !== null}
          live={live !== null && Object.keys(live.nodes).length > 0}
        />
      </ReactFlow>
    </div>
  )
}
