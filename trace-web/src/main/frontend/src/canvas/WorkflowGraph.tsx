import { Background, Controls, ReactFlow, useReactFlow, useStore, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { Trace, WorkflowDefinition } from '../api/types'
import { hasEnded, type LiveRunState } from '../live/liveRun'
import { describeLonger, longerThanUsual, type UsualDurations } from '../live/longerThanUsual'
import { useNow } from '../ui/useNow'
import { nodeSpansByNodeId } from '../trace/spanFacts'
import { ancestorIds, spansById } from '../trace/spanRows'
import { GraphLegend } from './GraphLegend'
import './WorkflowGraph.css'
import { edgesOf, toCanvasEdges, toCanvasNodes, type CanvasNode, type NodeDecoration } from './graphModel'
import { countStates, groupParallelSiblings, groupState, type StateCounts } from './grouping'
import { layoutByDepth } from './layout'
import { liveNodeStates, nodeRunStates, type NodeRunState } from './nodeStates'
import { describeDownstream, downstreamByNode } from '../trace/services'
import { nodeTypes } from './nodeTypes'

// Big graphs (the 1,000-node fan-out) only draw what is on screen.
const LARGE_GRAPH = 200
const LONGER_TICK_MS = 500
// A small graph is drawn at its natural size, not blown up to fill the pane.
const FIT_VIEW = { maxZoom: 1 }

interface WorkflowGraphProps {
  definition: WorkflowDefinition
  /** The selected run's trace, which colours the nodes; null when none is selected or loaded. */
  trace: Trace | null
  /** The selected run as it happens; its events colour the nodes when they say anything. */
  live: LiveRunState | null
  /** What is usual for the run's nodes: a node running longer is flagged. */
  usual?: UsualDurations | null
  selectedSpanId: string | null
  /** Selects a span, opening its collapsed ancestors in the timeline. */
  onRevealSpan?: (spanId: string, ancestorIds: readonly string[]) => void
  /**
   * Figures to draw on the nodes (Stats, Compare) instead of a run's colours; a group of parallel
   * siblings shows its hottest member's.
   */
  decorations?: ReadonlyMap<string, NodeDecoration>
  /** With decorations: a click selects the node (a group: its hottest member). */
  onSelectNode?: (nodeId: string) => void
  selectedNodeId?: string | null
}

/** The workflow as a graph, coloured by the selected run. Clicking a node selects its span. */
export function WorkflowGraph({
  definition,
  trace,
  live,
  usual = null,
  selectedSpanId,
  onRevealSpan,
  decorations,
  onSelectNode,
  selectedNodeId: pickedNodeId,
}: WorkflowGraphProps) {
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
      (decorations && decoratedStates(definition, decorations)) ??
      liveNodeStates(definition.nodes, live) ??
      nodeRunStates(
        definition.nodes,
        edgesOf(definition),
        trace ? { status: trace.run?.status ?? 'SUCCEEDED', spans: trace.spans } : null,
      ),
    [definition, trace, live, decorations],
  )
  const selectedNodeId =
    pickedNodeId ?? ((trace && selectedSpanId && spansById(trace.spans).get(selectedSpanId)?.nodeId) || null)
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

  const drawnDecorations = useMemo(
    () => (decorations ? withGroups(decorations, grouped.members) : undefined),
    [decorations, grouped],
  )

  // The clock ticks only while a flag may appear: the run goes on and something is usual.
  const now = useNow(live && usual && !hasEnded(live) ? LONGER_TICK_MS : null)
  const downstream = useMemo(() => (trace && !decorations ? downstreamByNode(trace.spans) : null), [trace, decorations])
  const nodes = useMemo(() => {
    let drawnNodes = toCanvasNodes(drawn, positions, drawnStates, highlightedNodeId, groups, drawnDecorations)
    if (downstream && downstream.size > 0) {
      drawnNodes = drawnNodes.map((node) => {
        const below = downstream.get(node.id)
        return below ? { ...node, data: { ...node.data, downstream: describeDownstream(below) } } : node
      })
    }
    if (!live || !usual || hasEnded(live)) return drawnNodes
    return drawnNodes.map((node) => {
      const flag = longerThanUsual(node.id, live.nodes[node.id], usual, now)
      return flag ? { ...node, data: { ...node.data, longerThanUsual: describeLonger(flag) } } : node
    })
  }, [drawn, positions, drawnStates, highlightedNodeId, groups, drawnDecorations, downstream, live, usual, now])
  const edges = useMemo(() => toCanvasEdges(drawn), [drawn])

  const onNodeClick = useCallback<NodeMouseHandler<CanvasNode>>(
    (_, node) => {
      const members = grouped.members.get(node.id)
      if (decorations && onSelectNode) {
        return onSelectNode(members ? hottest(members, decorations) : node.id)
      }
      // A group selects its first failed member's span, or its first member's.
      const nodeId = members ? (members.find((id) => states.get(id) === 'failed') ?? members[0]) : node.id
      const span = nodeSpans?.get(nodeId)
      if (trace && span && onRevealSpan) onRevealSpan(span.spanId, ancestorIds(span.spanId, trace.spans))
    },
    [grouped, states, nodeSpans, trace, onRevealSpan, decorations, onSelectNode],
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
        fitViewOptions={FIT_VIEW}
      >
        <FitOnResize />
        <Background />
        <Controls showInteractive={false} />
        {!decorations && (
          <GraphLegend
            coloured={trace !== null || live !== null}
            live={live !== null && Object.keys(live.nodes).length > 0}
          />
        )}
      </ReactFlow>
    </div>
  )
}

/**
 * Fits the graph again when its pane changes size: a node's panel opening beside it (Stats,
 * Compare) or the window resized would otherwise leave nodes under the panel or off screen.
 */
function FitOnResize() {
  const width = useStore((state) => state.width)
  const height = useStore((state) => state.height)
  const { fitView } = useReactFlow()
  const measured = useRef(false)
  useEffect(() => {
    if (width === 0 || height === 0) return
    if (!measured.current) {
      measured.current = true // the first size: ReactFlow's own fitView draws it
      return
    }
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW))
    return () => cancelAnimationFrame(frame)
  }, [width, height, fitView])
  return null
}

/** The states decorations give (Compare); idle where they give none (Stats). */
function decoratedStates(
  definition: WorkflowDefinition,
  decorations: ReadonlyMap<string, NodeDecoration>,
): Map<string, NodeRunState> {
  return new Map(definition.nodes.map((node) => [node.id, decorations.get(node.id)?.state ?? 'idle']))
}

/** The member with the highest heat (the first when none has figures). */
function hottest(members: readonly string[], decorations: ReadonlyMap<string, NodeDecoration>): string {
  let best = members[0]
  let bestHeat = -1
  for (const id of members) {
    const heat = decorations.get(id)?.heat ?? -1
    if (heat > bestHeat) [best, bestHeat] = [id, heat]
  }
  return best
}

/** Each group of parallel siblings drawn with its hottest member's decoration. */
function withGroups(
  decorations: ReadonlyMap<string, NodeDecoration>,
  groups: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, NodeDecoration> {
  if (groups.size === 0) return decorations
  const merged = new Map(decorations)
  groups.forEach((members, id) => {
    const member = hottest(members, decorations)
    const decoration = decorations.get(member)
    if (decoration) merged.set(id, { ...decoration, lines: [`hottest: ${member}`, ...decoration.lines] })
  })
  return merged
}
