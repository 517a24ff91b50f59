// What the workflow engine's span conventions tell about a span: node spans, retries, exceptions.
import type { AttributeValue, Span } from '../api/types'

export const ATTR = {
  spanRole: 'workflow.span.role',
  nodeId: 'workflow.node.id',
  nodeType: 'workflow.node.type',
  attempt: 'workflow.node.attempt',
  attempts: 'workflow.node.attempts',
} as const

/** What a span stands for (the server's `role`, also in the `workflow.span.role` attribute). */
export const SPAN_ROLE = {
  run: 'run',
  node: 'node',
  attempt: 'attempt',
} as const

function numberAttribute(value: AttributeValue | undefined): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return null
}

/** The attempt number of an attempt span (`<nodeId> attempt <n>`), or null for other spans. */
export function attemptNumber(span: Span): number | null {
  return numberAttribute(span.attributes[ATTR.attempt])
}

/** A second or later attempt: the engine retried the node. */
export function isRetryAttempt(span: Span): boolean {
  return (attemptNumber(span) ?? 0) > 1
}

/** How many attempts a node span took, or null when the span does not say. */
export function attemptCount(span: Span): number | null {
  return numberAttribute(span.attributes[ATTR.attempts])
}

/**
 * A node span: its role says so. A span without a role (from a server before roles) is a node span
 * when it has a nodeId, is not an attempt span, and its name starts with the node's type.
 */
export function isNodeSpan(span: Span, nodeType?: string): boolean {
  if (span.role) return span.role === SPAN_ROLE.node
  if (!span.nodeId || ATTR.attempt in span.attributes) return false
  const type = nodeType ?? span.attributes[ATTR.nodeType]
  if (typeof type === 'string' && type !== '') return span.name.startsWith(type)
  return span.name.endsWith(` ${span.nodeId}`)
}

/**
 * The span that stands for each node: its node span, or failing that the first span with its
 * nodeId. One pass over the spans, so it scales to traces of many nodes.
 */
export function nodeSpansByNodeId(spans: readonly Span[], nodeTypes?: ReadonlyMap<string, string>): Map<string, Span> {
  const nodeSpans = new Map<string, Span>()
  const firstSpans = new Map<string, Span>()
  for (const span of spans) {
    const nodeId = span.nodeId
    if (!nodeId) continue
    if (!firstSpans.has(nodeId)) firstSpans.set(nodeId, span)
    if (!nodeSpans.has(nodeId) && isNodeSpan(span, nodeTypes?.get(nodeId))) nodeSpans.set(nodeId, span)
  }
  for (const [nodeId, span] of firstSpans) {
    if (!nodeSpans.has(nodeId)) nodeSpans.set(nodeId, span)
  }
  return nodeSpans
}

/**
 * The span of the node that failed the run: the first node span in error, or failing that the
 * first span of any node in error (so the link still leads somewhere on odd traces).
 */
export function failedNodeSpan(spans: readonly Span[]): Span | null {
  return (
    spans.find((span) => span.status === 'ERROR' && isNodeSpan(span)) ??
    spans.find((span) => span.status === 'ERROR' && span.nodeId !== null) ??
    null
  )
}

export interface ExceptionInfo {
  type: string | null
  message: string | null
  stacktrace: string | null
}

/** The exception recorded on a span (an event named `exception`), if any. */
export function exceptionOf(span: Span): ExceptionInfo | null {
  const event = span.events.find((e) => e.name === 'exception')
  if (!event) return null
  const text = (key: string) => {
    const value = event.attributes[key]
    return value === undefined ? null : String(value)
  }
  return {
    type: text('exception.type'),
    message: text('exception.message'),
    stacktrace: text('exception.stacktrace'),
  }
}
