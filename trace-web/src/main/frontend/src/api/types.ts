// Types of the REST API under /api, as the back end sends them.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface WorkflowSummary {
  id: string
  version: number
  name: string
  description: string | null
}

export type NodeType = 'llm' | 'http' | 'transform' | 'branch' | 'delay' | 'fail'

export interface RetryPolicy {
  maxAttempts: number
  backoffMs: number
  multiplier: number
}

export interface WorkflowNodeDefinition {
  id: string
  /** One of {@link NodeType}; kept open so a node type added on the server still draws. */
  type: NodeType | (string & {})
  label?: string | null
  config: Record<string, JsonValue>
  retry?: RetryPolicy | null
  timeoutMs?: number | null
}

export interface WorkflowEdgeDefinition {
  from: string
  to: string
  /** "true" or "false", only on edges leaving a branch node. */
  when?: string | null
}

export interface WorkflowDefinition extends WorkflowSummary {
  nodes: WorkflowNodeDefinition[]
  edges: WorkflowEdgeDefinition[]
}

export type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED'

export interface Run {
  runId: string
  /** Null when the run was not traced. */
  traceId: string | null
  workflowId: string
  workflowVersion: number
  status: RunStatus
  trigger: string
  /** ISO-8601 instant. */
  startedAt: string
  durationMs: number | null
  spanCount: number
  /** Spans the run produced (root + nodes + attempts); null while running or untraced. */
  expectedSpanCount: number | null
  /** True once all expectedSpanCount spans are stored. */
  complete: boolean
  error: string | null
  inputs: JsonValue
  outputs: JsonValue
}

export interface RunPage {
  items: Run[]
  nextCursor: string | null
}

export interface RunFilter {
  workflowId?: string
  status?: RunStatus
  limit?: number
  cursor?: string
}

export type SpanStatus = 'UNSET' | 'OK' | 'ERROR'

export type AttributeValue = string | number | boolean | Array<string | number | boolean>

export interface SpanEvent {
  name: string
  /** Epoch nanoseconds; beyond Number's exact range, so only good to about a microsecond. */
  timeNanos: number
  attributes: Record<string, AttributeValue>
}

export interface Span {
  spanId: string
  parentSpanId: string | null
  name: string
  kind: string
  status: SpanStatus
  statusMessage: string | null
  nodeId: string | null
  /** What the span stands for (the workflow.span.role attribute); null for a span from elsewhere. */
  role?: 'run' | 'node' | 'attempt' | null
  /** ISO-8601 instant. */
  startTime: string
  /** Microseconds from the trace's start. */
  offsetMicros: number
  durationMicros: number
  depth: number
  childCount: number
  attributes: Record<string, AttributeValue>
  events: SpanEvent[]
}

/** Whether every span of the run is stored: spans reach the database a moment after a run ends. */
export interface TraceCompleteness {
  complete: boolean
  expectedSpans: number | null
  storedSpans: number
  rootPresent: boolean
  orphanSpans: number
}

export interface Trace {
  traceId: string
  run: Run | null
  startTime: string
  durationMicros: number
  spanCount: number
  errorCount: number
  completeness: TraceCompleteness
  /** Already in depth-first display order. */
  spans: Span[]
}

export type ArtifactKind = 'input' | 'output' | 'prompt' | 'response' | 'request'

export interface Artifact {
  seq: number
  kind: ArtifactKind | (string & {})
  contentType: string
  content: string
  originalLength: number
  truncated: boolean
}

export interface SpanDetail {
  traceId: string
  span: Span
  artifacts: Artifact[]
}

export interface MonitoringLink {
  name: string
  urlTemplate: string
}

export interface UiConfig {
  traceTabEnabled: boolean
  monitoringLinks: MonitoringLink[]
}

/** RFC 9457 problem details, as the server sends them with application/problem+json. */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: unknown[]
}

/** Roles of the server's accounts; a user holds every role it acts in (a runner is also a viewer). */
export type Role = 'viewer' | 'runner' | 'admin'

/** GET /api/me: who is logged in. Role names are kept open, so a role added on the server still parses. */
export interface Me {
  user: string
  roles: Array<Role | (string & {})>
}

/** One tracing setting; a secret's value arrives masked (e.g. "****"), never in clear. */
export interface TracingSetting {
  key: string
  /** Null when the key is not set. */
  value: string | null
  secret: boolean
}

export interface ExporterHealth {
  name: string
  exported: number
  failed: number
  dropped: number
  /** Spans the destination refused for good, set aside so that the others go on. */
  rejected: number
  lastError: string | null
  /** ISO-8601 instant. */
  lastErrorAt: string | null
}

export interface QueueHealth {
  name: string
  size: number
  capacity: number
  /** Spans dropped since startup because the queue was full. */
  dropped: number
}

/** Run rows: waiting for the database, dropped (journal full), stored without payload, set aside. */
export interface RunJournalHealth {
  pending: number
  dropped: number
  repaired: number
  rejected: number
}

export interface TracingPipeline {
  /** tracing.enabled: the pipeline exists (a restart changes it). */
  enabled: boolean
  /** Whether new runs are traced now: false while an admin has paused recording. */
  recording: boolean
  exporters: ExporterHealth[]
  queues: QueueHealth[]
  /** Spans held for another export attempt. */
  retryBufferSpans: number
  runJournal: RunJournalHealth
}

/** GET /api/admin/tracing (role admin). */
export interface TracingAdmin {
  settings: TracingSetting[]
  pipeline: TracingPipeline
}
