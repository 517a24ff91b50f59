// Types of the REST API under /api, as the back end sends them. They are generated from the
// OpenAPI document (docs/openapi.yaml → generated/openapi.ts, `npm run generate:api-types`); this
// file names them for the rest of the Canvas, and keeps a few string enums open (see Open).
import type { components, paths } from './generated/openapi'

type Schemas = components['schemas']

/** A string enum of the document, kept open so a value added on the server still type-checks. */
type Open<T extends string> = T | (string & {})

/** Any JSON value; the run form sends inputs as a JSON object. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export type WorkflowSummary = Schemas['WorkflowSummary']

export type NodeType = Schemas['WorkflowNode']['type']

/** Absent fields take the server's defaults (one attempt, no backoff, multiplier 2). */
export type RetryPolicy = Schemas['RetryPolicy']

/** A node of a definition; its type is kept open so a node type added on the server still draws. */
export type WorkflowNodeDefinition = Omit<Schemas['WorkflowNode'], 'type'> & { type: Open<NodeType> }

/** An edge; `when` ("true" or "false", only on edges leaving a branch) is kept open like the node type. */
export type WorkflowEdgeDefinition = Omit<Schemas['WorkflowEdge'], 'when'> & {
  when?: Open<NonNullable<Schemas['WorkflowEdge']['when']>> | null
}

/** GET /api/workflows/{id}: the definition exactly as saved (name, edges, ... may be absent), with its version. */
export type WorkflowDefinition = Omit<Schemas['SavedWorkflowDefinition'], 'nodes' | 'edges'> & {
  nodes: WorkflowNodeDefinition[]
  edges?: WorkflowEdgeDefinition[]
}

export type RunStatus = Schemas['Run']['status']

/** Every run status, in a run's life order (for filters). */
export const RUN_STATUSES: readonly RunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'ABORTED']

export type Run = Schemas['Run']

export type RunPage = Schemas['RunPage']

/** The filters of GET /api/traces that the Canvas uses. */
export type RunFilter = Pick<
  NonNullable<paths['/traces']['get']['parameters']['query']>,
  'workflowId' | 'status' | 'limit' | 'cursor'
>

export type SpanStatus = Schemas['Span']['status']

export type AttributeValue = Schemas['AttributeValue']

export type SpanEvent = Schemas['SpanEvent']

export type Span = Schemas['Span']

/** Whether every span of the run is stored: spans reach the database a moment after a run ends. */
export type TraceCompleteness = Schemas['TraceCompleteness']

export type Trace = Schemas['Trace']

export type ArtifactKind = Schemas['Artifact']['kind']

export type Artifact = Omit<Schemas['Artifact'], 'kind'> & { kind: Open<ArtifactKind> }

export type SpanDetail = Omit<Schemas['SpanDetail'], 'artifacts'> & { artifacts: Artifact[] }

export type MonitoringLink = Schemas['MonitoringLink']

export type UiConfig = Schemas['UiConfig']

/** RFC 9457 problem details, as the server sends them with application/problem+json. */
export type ProblemDetails = Schemas['Problem']

/** Roles of the server's accounts; a user holds every role it acts in (a runner is also a viewer). */
export type Role = Schemas['Me']['roles'][number]

/** GET /api/me: who is logged in. Role names are kept open, so a role added on the server still parses. */
export type Me = Omit<Schemas['Me'], 'roles'> & { roles: Array<Open<Role>> }

/** One tracing setting; a secret's value arrives masked (e.g. "****"), never in clear. */
export type TracingSetting = Schemas['TracingSetting']

export type ExporterHealth = Schemas['ExporterHealth']

export type QueueHealth = Schemas['QueueHealth']

/** Run rows: waiting for the database, dropped (journal full), stored without payload, set aside. */
export type RunJournalHealth = Schemas['RunJournalHealth']

export type TracingPipeline = Schemas['TracingPipeline']

/** GET /api/admin/tracing (role admin). */
export type TracingAdmin = Schemas['AdminView']

/** GET /api/admin/storage (role admin): the time partitions of spans and runs, the last purge. */
export type StorageAdmin = Schemas['StorageView']

export type StoredTable = Schemas['StoredTable']

/** The data of each event of GET /api/runs/{id}/events, by the event's name. */
export interface RunStreamEvents {
  RunQueued: Schemas['RunQueuedEvent']
  RunStarted: Schemas['RunStartedEvent']
  NodeAttemptStarted: Schemas['NodeAttemptStartedEvent']
  NodeAttemptEnded: Schemas['NodeAttemptEndedEvent']
  NodeEnded: Schemas['NodeEndedEvent']
  RunEnded: Schemas['RunEndedEvent']
  RunStatus: Schemas['RunStatusEvent']
  RunSnapshot: Schemas['RunSnapshotEvent']
}

export type RunStreamEventName = keyof RunStreamEvents

/** GET /api/workflows/{id}/versions: one saved version. */
export type WorkflowVersion =
  paths['/workflows/{id}/versions']['get']['responses']['200']['content']['application/json'][number]

/** GET /api/workflows/{id}/stats: per-node figures over a time range. */
/** One page of the audit trail, newest first. */
export type AuditPage = Schemas['AuditPage']

export type SignedIn = Schemas['SignedIn']

export type SignInOptions = Schemas['SignInOptions']

export type SignedOut = Schemas['SignedOut']

export type ApiToken = Schemas['ApiToken']

export type TokenRequest = Schemas['TokenRequest']

export type CreatedToken = Schemas['CreatedToken']

export type TokenList = Schemas['TokenList']

/** Traces made only of spans other services sent (no run of ours). */
export type ForeignTraceList = Schemas['ForeignTraceList']

export type WorkflowStats = Schemas['WorkflowStats']

export type NodeStats = Schemas['NodeStats']

/** GET /api/workflows/{id}/nodes/{node}/executions: one node's executions across runs. */
export type NodeExecutions = Schemas['NodeExecutions']

export type NodeExecution = Schemas['NodeExecution']

/** GET /api/runs/compare: two runs of one workflow aligned node by node. */
export type RunComparison = Schemas['RunComparison']

export type NodeComparison = Schemas['NodeComparison']

export type NodeChange = NodeComparison['change']

export type NodeSide = NonNullable<Schemas['NodeSide']>

export type TextDiff = Schemas['TextDiff']
