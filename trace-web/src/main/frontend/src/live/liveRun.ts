// A run as it happens, folded from its event stream (GET /api/runs/{id}/events): a pure reducer,
// so the graph, the trace tab and the run form all read one state.
import type { RunStatus, RunStreamEventName, RunStreamEvents } from '../api/types'

export type LiveNodeState = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled'

export interface LiveNode {
  state: LiveNodeState
  attempt: number
  /** Epoch ms of its first attempt's start. */
  startedAt: number | null
  /** Epoch ms of its last attempt's end; null while running. */
  endedAt: number | null
  /** Its span, stored only when the node ends. */
  spanId: string | null
}

export interface LiveRunState {
  runId: string
  workflowId: string | null
  status: RunStatus
  traceId: string | null
  /** The run's root span, stored only when the run ends. */
  rootSpanId: string | null
  startedAt: number | null
  endedAt: number | null
  error: string | null
  nodes: Readonly<Record<string, LiveNode>>
}

export function emptyLiveRun(runId: string): LiveRunState {
  return {
    runId,
    workflowId: null,
    status: 'QUEUED',
    traceId: null,
    rootSpanId: null,
    startedAt: null,
    endedAt: null,
    error: null,
    nodes: {},
  }
}

/** Whether the run has ended (nothing more will arrive). */
export function hasEnded(run: LiveRunState): boolean {
  return run.status !== 'QUEUED' && run.status !== 'RUNNING'
}

const time = (iso: string) => Date.parse(iso)

/** The run after one more event; an unknown event name leaves it as it is. */
export function applyRunEvent<N extends RunStreamEventName>(
  run: LiveRunState,
  name: N,
  data: RunStreamEvents[N],
): LiveRunState {
  switch (name) {
    case 'RunQueued':
      return { ...run, status: 'QUEUED' }
    case 'RunStarted': {
      const started = data as RunStreamEvents['RunStarted']
      const nodes: Record<string, LiveNode> = {}
      for (const id of started.nodeIds) nodes[id] = run.nodes[id] ?? queuedNode()
      return {
        ...run,
        status: 'RUNNING',
        workflowId: started.workflowId,
        traceId: started.traceId ?? null,
        rootSpanId: started.rootSpanId ?? null,
        startedAt: time(started.at),
        nodes,
      }
    }
    case 'NodeAttemptStarted': {
      const attempt = data as RunStreamEvents['NodeAttemptStarted']
      const node = run.nodes[attempt.nodeId] ?? queuedNode()
      return withNode(run, attempt.nodeId, {
        state: 'running',
        attempt: attempt.attempt,
        startedAt: node.startedAt ?? time(attempt.at),
        endedAt: null,
        spanId: attempt.nodeSpanId ?? node.spanId,
      })
    }
    case 'NodeAttemptEnded': {
      const attempt = data as RunStreamEvents['NodeAttemptEnded']
      const node = run.nodes[attempt.nodeId] ?? queuedNode()
      const state: LiveNodeState = attempt.cancelled ? 'cancelled' : attempt.error ? 'failed' : 'succeeded'
      return withNode(run, attempt.nodeId, { ...node, state, attempt: attempt.attempt, endedAt: time(attempt.at) })
    }
    case 'NodeEnded': {
      // All its attempts done: how it ended for good (an attempt's failure may have been retried).
      const ended = data as RunStreamEvents['NodeEnded']
      const node = run.nodes[ended.nodeId] ?? queuedNode()
      return withNode(run, ended.nodeId, { ...node, state: ended.outcome, endedAt: node.endedAt ?? time(ended.at) })
    }
    case 'RunEnded': {
      const end = data as RunStreamEvents['RunEnded']
      const endedAt = time(end.at)
      const nodes: Record<string, LiveNode> = {}
      for (const [id, node] of Object.entries(run.nodes)) {
        if (node.state === 'queued') nodes[id] = { ...node, state: 'skipped' }
        else if (node.state === 'running') nodes[id] = { ...node, state: 'cancelled', endedAt }
        else nodes[id] = node
      }
      return { ...run, status: end.status, endedAt, error: end.error ?? null, nodes }
    }
    case 'RunStatus': {
      // A run this server does not execute: only its stored status is known.
      return { ...run, status: (data as RunStreamEvents['RunStatus']).status }
    }
    case 'RunSnapshot':
      return fromSnapshot(data as RunStreamEvents['RunSnapshot'])
    default:
      return run
  }
}

const optionalTime = (iso: string | undefined) => (iso ? time(iso) : null)

/** The whole run as a snapshot tells it (a watcher that joined late): it replaces what was known. */
function fromSnapshot(snapshot: RunStreamEvents['RunSnapshot']): LiveRunState {
  const nodes: Record<string, LiveNode> = {}
  for (const node of snapshot.nodes) {
    nodes[node.nodeId] = {
      state: node.state,
      attempt: node.attempt,
      startedAt: optionalTime(node.startedAt),
      endedAt: optionalTime(node.endedAt),
      spanId: node.spanId ?? null,
    }
  }
  return {
    runId: snapshot.runId,
    workflowId: snapshot.workflowId ?? null,
    status: snapshot.status,
    traceId: snapshot.traceId ?? null,
    rootSpanId: snapshot.rootSpanId ?? null,
    startedAt: optionalTime(snapshot.startedAt),
    endedAt: optionalTime(snapshot.endedAt),
    error: snapshot.error ?? null,
    nodes,
  }
}

function queuedNode(): LiveNode {
  return { state: 'queued', attempt: 0, startedAt: null, endedAt: null, spanId: null }
}

function withNode(run: LiveRunState, nodeId: string, node: LiveNode): LiveRunState {
  return { ...run, nodes: { ...run.nodes, [nodeId]: node } }
}
