// Synthetic workflow traces in the exact shape of GET /api/traces/{traceId}, for the benchmark.
// Deterministic: the same size always gives the same trace, so runs can be compared.

const NODE_TYPES = ['llm', 'http', 'transform']
const TRACE_START_MS = Date.parse('2024-05-01T10:00:00.000Z')

export const BENCH_WORKFLOW_ID = 'bench'
/** The definition lists only the first nodes, so the graph tab stays cheap and out of the measurement. */
export const BENCH_DEFINITION_NODES = 12

/** A small linear congruential generator: cheap, seeded, good enough for durations. */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const hex = (value, width) => value.toString(16).padStart(width, '0')

export function traceIdFor(spanCount) {
  return hex(0xbe9c4 + spanCount, 32)
}

/** Attributes of the node's type; attempt spans of http nodes also carry the response status. */
function typeAttributes(type, index, attemptFailed) {
  if (type === 'llm') {
    return { 'gen_ai.request.model': 'gpt-bench', 'gen_ai.usage.input_tokens': 200 + (index % 300) }
  }
  if (type === 'http') {
    return {
      'http.request.method': 'GET',
      'url.full': `https://api.example/items/${index}`,
      ...(attemptFailed !== undefined && { 'http.response.status_code': attemptFailed ? 503 : 200 }),
    }
  }
  return { 'transform.expression': `$.items[${index % 50}]`, 'transform.output.size': index % 4096 }
}

function exceptionEvent(timeMs, message) {
  return {
    name: 'exception',
    timeNanos: Math.round(timeMs * 1e6),
    attributes: {
      'exception.type': 'io.example.workflow.NodeFailure',
      'exception.message': message,
      'exception.stacktrace': `io.example.workflow.NodeFailure: ${message}\n\tat io.example.workflow.Engine.run(Engine.java:42)`,
    },
  }
}

/** How many attempts node `index` makes: most one, every tenth a retry, the last node fails three times. */
function attemptsOf(index, lastNode) {
  if (lastNode) return 3
  return index % 10 === 3 ? 2 : 1
}

/**
 * A run of `spanCount` spans, depth first: the root, then per node its node span and attempt
 * spans. Every tenth node retries after a failed attempt (an ERROR attempt span), and the last
 * node fails for good, which fails the run. Each span has about six attributes.
 */
export function makeTrace(spanCount) {
  if (spanCount < 1) throw new Error('a trace has at least its root span')
  const traceId = traceIdFor(spanCount)
  const runId = `run-${spanCount}`
  const next = random(spanCount)
  const spans = []
  let nextSpanId = 1
  // Fields in the order the API writes them.
  const newSpan = (fields) => {
    const span = {
      spanId: hex(nextSpanId++, 16),
      parentSpanId: fields.parentSpanId ?? null,
      name: fields.name,
      kind: fields.kind ?? 'INTERNAL',
      status: fields.status ?? 'OK',
      statusMessage: fields.statusMessage ?? null,
      nodeId: fields.nodeId ?? null,
      startTime: new Date(TRACE_START_MS + fields.offsetMicros / 1000).toISOString(),
      offsetMicros: fields.offsetMicros,
      durationMicros: fields.durationMicros,
      depth: fields.depth,
      childCount: fields.childCount ?? 0,
      attributes: fields.attributes,
      events: fields.events ?? [],
    }
    spans.push(span)
    return span
  }
  const common = { 'workflow.id': BENCH_WORKFLOW_ID, 'workflow.run.id': runId }

  const root = newSpan({
    name: `run ${BENCH_WORKFLOW_ID}`,
    offsetMicros: 0,
    durationMicros: 0,
    depth: 0,
    attributes: { ...common, 'workflow.version': 1, 'workflow.trigger': 'canvas', 'workflow.span.count': spanCount },
  })

  let clock = 0
  let nodeIndex = 0
  while (spans.length < spanCount) {
    const remaining = spanCount - spans.length
    const type = NODE_TYPES[nodeIndex % NODE_TYPES.length]
    const nodeId = `n${nodeIndex}`
    // The node that fills the last slots is the failing one, so every size has a failed node.
    const lastNode = remaining <= attemptsOf(nodeIndex, true) + 1
    const attempts = Math.min(attemptsOf(nodeIndex, lastNode), remaining - 1)
    const node = newSpan({
      parentSpanId: root.spanId,
      name: `${type} ${nodeId}`,
      nodeId,
      offsetMicros: clock,
      durationMicros: 0,
      depth: 1,
      childCount: attempts,
      attributes: {
        ...common,
        'workflow.node.id': nodeId,
        'workflow.node.type': type,
        'workflow.node.attempts': Math.max(1, attempts),
        ...typeAttributes(type, nodeIndex),
      },
    })
    let attemptClock = clock + 20
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const failed = lastNode || attempt < attempts
      const durationMicros = 200 + Math.floor(next() * 5000)
      newSpan({
        parentSpanId: node.spanId,
        name: `${nodeId} attempt ${attempt}`,
        kind: type === 'http' ? 'CLIENT' : 'INTERNAL',
        status: failed ? 'ERROR' : 'OK',
        statusMessage: failed ? `attempt ${attempt} failed` : null,
        nodeId,
        offsetMicros: attemptClock,
        durationMicros,
        depth: 2,
        attributes: {
          ...common,
          'workflow.node.id': nodeId,
          'workflow.node.attempt': attempt,
          ...typeAttributes(type, nodeIndex, failed),
        },
        events: failed ? [exceptionEvent(TRACE_START_MS + attemptClock / 1000, `${nodeId} attempt ${attempt}`)] : [],
      })
      attemptClock += durationMicros + 100
    }
    node.durationMicros = attemptClock - clock
    if (lastNode) {
      node.status = 'ERROR'
      node.statusMessage = `gave up after ${attempts} attempts`
      node.events = [exceptionEvent(TRACE_START_MS + attemptClock / 1000, `${nodeId} gave up`)]
    }
    clock = attemptClock + 50
    root.childCount++
    nodeIndex++
  }
  root.durationMicros = Math.max(clock, 1)
  const failedNode = spans.length > 1
  if (failedNode) {
    root.status = 'ERROR'
    root.statusMessage = 'the workflow failed'
  }

  const errorCount = spans.filter((span) => span.status === 'ERROR').length
  const run = {
    runId,
    traceId,
    workflowId: BENCH_WORKFLOW_ID,
    workflowVersion: 1,
    status: failedNode ? 'FAILED' : 'SUCCEEDED',
    trigger: 'canvas',
    startedAt: new Date(TRACE_START_MS).toISOString(),
    durationMs: Math.round(root.durationMicros / 1000),
    spanCount,
    expectedSpanCount: spanCount,
    complete: true,
    error: failedNode ? 'the workflow failed' : null,
    inputs: {},
    outputs: {},
  }
  return {
    traceId,
    run,
    startTime: run.startedAt,
    durationMicros: root.durationMicros,
    spanCount,
    errorCount,
    completeness: {
      complete: true,
      expectedSpans: spanCount,
      storedSpans: spanCount,
      rootPresent: true,
      orphanSpans: 0,
    },
    detailsOmitted: false,
    spans,
  }
}

/** The workflow definition behind the trace, trimmed to its first nodes (see BENCH_DEFINITION_NODES). */
export function makeDefinition() {
  const nodes = []
  const edges = []
  for (let i = 0; i < BENCH_DEFINITION_NODES; i++) {
    nodes.push({ id: `n${i}`, type: NODE_TYPES[i % NODE_TYPES.length], config: {} })
    if (i > 0) edges.push({ from: `n${i - 1}`, to: `n${i}` })
  }
  return { id: BENCH_WORKFLOW_ID, version: 1, name: 'Benchmark', description: 'synthetic trace', nodes, edges }
}

/**
 * Throws unless the spans are what the API promises: depth first, each span's depth one more
 * than its parent's, childCount equal to the children that follow. Guards the benchmark's input.
 */
export function checkTraceShape(trace) {
  const { spans } = trace
  if (spans.length !== trace.spanCount) throw new Error(`spanCount ${trace.spanCount} != ${spans.length} spans`)
  const children = new Map()
  const path = []
  for (const span of spans) {
    while (path.length > span.depth) path.pop()
    const parent = path[path.length - 1] ?? null
    if (path.length !== span.depth) throw new Error(`span ${span.spanId} skips a level`)
    if ((parent?.spanId ?? null) !== span.parentSpanId) throw new Error(`span ${span.spanId} is out of order`)
    if (parent) children.set(parent.spanId, (children.get(parent.spanId) ?? 0) + 1)
    if (Object.keys(span.attributes).length < 5) throw new Error(`span ${span.spanId} has too few attributes`)
    path.push(span)
  }
  for (const span of spans) {
    if ((children.get(span.spanId) ?? 0) !== span.childCount) throw new Error(`span ${span.spanId}: wrong childCount`)
  }
  const errors = spans.filter((span) => span.status === 'ERROR').length
  if (errors !== trace.errorCount) throw new Error(`errorCount ${trace.errorCount} != ${errors}`)
}
