// The Trace tab during a run: the stored trace is read once and not again until the run ends (a
// read per watcher per second costs the server a whole trace each time). The run's root and its
// nodes are drawn from the run's events instead: running ones as open bars that grow, ended ones
// with their times and outcome, until the stored span with the same id replaces them.
import type { Span, Trace } from '../api/types'
import { childrenByParent } from './spanRows'
import { hasEnded, type LiveRunState } from '../live/liveRun'
import { describeLonger, longerThanUsual, type UsualDurations } from '../live/longerThanUsual'

/** Marks a span drawn from the run's events rather than read from the store. */
export const IN_FLIGHT_ATTRIBUTE = 'workflow.span.in_flight'

/** On an open node span running past its usual p95: what the flag says. */
export const LONGER_THAN_USUAL_ATTRIBUTE = 'workflow.node.longer_than_usual'

/**
 * The trace with the run's open spans added, in depth-first order again. `nodeTypes` names the node
 * spans as the engine does (`llm draft`); `now` is epoch ms.
 */
export function withSpansInFlight(
  trace: Trace,
  live: LiveRunState | null,
  nodeTypes: ReadonlyMap<string, string>,
  now: number,
  usual: UsualDurations | null = null,
): Trace {
  if (!live || hasEnded(live) || live.traceId !== trace.traceId || live.startedAt === null) return trace
  const stored = new Set(trace.spans.map((span) => span.spanId))
  const open: Span[] = []
  if (live.rootSpanId && !stored.has(live.rootSpanId)) {
    open.push(openSpan(live.rootSpanId, null, `run ${live.workflowId}`, null, 'run', live.startedAt, now))
  }
  for (const [nodeId, node] of Object.entries(live.nodes)) {
    if (!node.spanId || stored.has(node.spanId) || node.startedAt === null) continue
    const name = `${nodeTypes.get(nodeId) ?? 'node'} ${nodeId}`
    const span = openSpan(node.spanId, live.rootSpanId, name, nodeId, 'node', node.startedAt, node.endedAt ?? now)
    const flag = longerThanUsual(nodeId, node, usual, now)
    if (flag) span.attributes = { ...span.attributes, [LONGER_THAN_USUAL_ATTRIBUTE]: describeLonger(flag) }
    open.push(node.state === 'running' ? span : endedSpan(span, node.state))
  }
  if (open.length === 0) return trace
  const spans = depthFirst([...trace.spans, ...open])
  const start = Math.min(...spans.map((span) => Date.parse(span.startTime) * 1000))
  const placed = spans.map((span) => ({ ...span, offsetMicros: Date.parse(span.startTime) * 1000 - start }))
  return {
    ...trace,
    startTime: new Date(start / 1000).toISOString(),
    durationMicros: Math.max(...placed.map((span) => span.offsetMicros + span.durationMicros)),
    spans: placed,
  }
}

/** A node that has ended by its events, drawn with its outcome until its stored span arrives. */
function endedSpan(span: Span, state: string): Span {
  const failed = state === 'failed' || state === 'cancelled'
  return { ...span, status: failed ? 'ERROR' : 'OK', statusMessage: failed ? state : null }
}

function openSpan(
  spanId: string,
  parentSpanId: string | null,
  name: string,
  nodeId: string | null,
  role: 'run' | 'node',
  startedAt: number,
  endedAt: number,
): Span {
  return {
    spanId,
    parentSpanId,
    name,
    kind: 'INTERNAL',
    status: 'UNSET',
    statusMessage: 'running',
    nodeId,
    role,
    startTime: new Date(startedAt).toISOString(),
    offsetMicros: 0,
    durationMicros: Math.max(0, endedAt - startedAt) * 1000,
    depth: 0,
    childCount: 0,
    attributes: { [IN_FLIGHT_ATTRIBUTE]: true },
    events: [],
    service: null,
    serviceInstance: null,
    foreign: false,
  }
}

/** The spans as a tree in depth-first order, children by start time, with depth and child count. */
export function depthFirst(spans: readonly Span[]): Span[] {
  const children = childrenByParent(spans)
  for (const list of children.values()) list.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))
  const ordered: Span[] = []
  const visit = (span: Span, depth: number) => {
    const kids = children.get(span.spanId) ?? []
    ordered.push({ ...span, depth, childCount: kids.length })
    for (const kid of kids) visit(kid, depth + 1)
  }
  for (const root of children.get(null) ?? []) visit(root, 0)
  return ordered
}
