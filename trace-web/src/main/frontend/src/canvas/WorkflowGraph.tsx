import { Background, Controls, Panel, ReactFlow, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import './WorkflowGraph.css'
import { useCallback, useMemo } from 'react'
import { useTrace } from '../api/hooks'
import type { WorkflowDefinition } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { nodeSpansByNodeId } from '../trace/spanFacts'
import { ancestorIds, spansById } from '../trace/spanRows'
import { toCanvasEdges, toCanvasNodes, type CanvasNode } from './graphModel'
import { layoutByDepth } from './layout'
import { nodeRunStates } from './nodeStates'
import { nodeTypes } from './nodeTypes'

// Big graphs (the 1,000-node fan-out) only draw what is on screen.
const LARGE_GRAPH = 200

/** The selected workflow as a graph, coloured by the selected run. Clicking a node selects its span. */
export function WorkflowGraph({ definition }: { definition: WorkflowDefinition }) {
  const traceId = useCanvasStore((s) => s.selectedTraceId)
  const selectedSpanId = useCanvasStore((s) => s.selectedSpanId)
  const revealSpan = useCanvasStore((s) => s.revealSpan)
  const traceState = useTrace(traceId)
  const trace = traceId && traceState.status === 'success' ? traceState.data : null

  const positions = useMemo(
    () =>
      layoutByDepth(
        definition.nodes.map((node) => node.id),
        definition.edges,
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
      nodeRunStates(
        definition.nodes,
        definition.edges,
        trace ? { status: trace.run?.status ?? 'SUCCEEDED', spans: trace.spans } : null,
      ),
    [definition, trace],
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
      if (trace && span) revealSpan(span.spanId, ancestorIds(span.spanId, trace.spans))
    },
    [nodeSpans, trace, revealSpan],
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
        <Panel position="top-right" className="graph-legend">
          {trace ? (
            <>
              <span className="legend legend--succeeded">succeeded</span>
              <span className="legend legend--failed">failed</span>
              <span className="legend legend--skipped">not run</span>
              <span className="legend-hint">Click a node to select its span</span>
            </>
          ) : (
            <span className="legend-hint">Run the workflow or pick a run to colour the nodes</span>
          )}
        </Panel>
      </ReactFlow>
    </div>
  )
}
