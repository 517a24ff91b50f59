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
  const positions = useMemo(
    () =>
      layoutByDepth(
        definition.nodes.map((node) => node.id),
        edgesOf(definition),
      ),
    [definition],
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
  const highlightedNodeId = (trace && selectedSpanId && spansById(trace.spans).get(selectedSpanId)?.nodeId) || null

  const nodes = useMemo(
    () => toCanvasNodes(definition, positions, states, highlightedNodeId),
    [definition, positions, states, highlightedNodeId],
  )
  const edges = useMemo(() => toCanvasEdges(definition), [definition])

  const onNodeClick = useCallback<NodeMouseHandler<CanvasNode>>(
    (_, node) => {
      const span = nodeSpans?.get(node.id)
      if (trace && span) onRevealSpan(span.spanId, ancestorIds(span.spanId, trace.spans))
    },
    [nodeSpans, trace, onRevealSpan],
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
