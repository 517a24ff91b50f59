// The one module that talks to the server. Every call returns typed data or throws an ApiError.
import type {
  ApiToken,
  AuditPage,
  CreatedToken,
  SignedIn,
  SignedOut,
  SignInOptions,
  TokenList,
  TokenRequest,
  ForeignTraceList,
  JsonValue,
  Me,
  ProblemDetails,
  Run,
  RunComparison,
  RunFilter,
  RunPage,
  SpanDetail,
  Trace,
  StorageAdmin,
  TracingAdmin,
  UiConfig,
  WorkflowDefinition,
  WorkflowStats,
  NodeExecutions,
  WorkflowSummary,
  WorkflowVersion,
} from './types'
import { MalformedTraceError, readTraceLines, TRACE_LINES_TYPE } from './traceLines'

const API_BASE = '/api'
const SESSION_PATH = '/session'

/** A failed call, carrying the problem details the server sent (or ones made up for it). */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly errors: string[]
  readonly type: string

  constructor(problem: { status: number; title: string; detail: string; errors?: string[]; type?: string }) {
    super(problem.detail || problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.title = problem.title
    this.detail = problem.detail
    this.errors = problem.errors ?? []
    this.type = problem.type ?? 'about:blank'
  }
}

/** Asking again will not help: the user is not logged in or lacks the role (401, 403). */
export function isAccessProblem(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403)
}

function describeError(item: unknown): string {
  if (typeof item === 'string') return item
  if (item && typeof item === 'object') {
    const { message, detail } = item as { message?: unknown; detail?: unknown }
    if (typeof message === 'string') return message
    if (typeof detail === 'string') return detail
  }
  return JSON.stringify(item)
}

/** Builds an ApiError from a non-2xx response, reading problem+json (or any JSON) when there is some. */
export async function problemFromResponse(response: Response, what: string): Promise<ApiError> {
  const fallbackTitle = response.statusText || `HTTP ${response.status}`
  const fallbackDetail = `${what} failed with status ${response.status}.`
  const contentType = response.headers.get('content-type') ?? ''
  if (contentType.includes('json')) {
    try {
      const problem = (await response.json()) as ProblemDetails
      return new ApiError({
        status: typeof problem.status === 'number' ? problem.status : response.status,
        title: problem.title || fallbackTitle,
        detail: problem.detail || problem.title || fallbackDetail,
        errors: Array.isArray(problem.errors) ? problem.errors.map(describeError) : [],
        type: problem.type,
      })
    } catch {
      // A body that claims JSON but is not: fall through to the generic error.
    }
  }
  return new ApiError({ status: response.status, title: fallbackTitle, detail: fallbackDetail })
}

/** The cookie the server sets at sign-in with the session's CSRF token (readable by our own scripts only). */
const CSRF_COOKIE = 'wt_csrf'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === CSRF_COOKIE) return value.join('=') || undefined
  }
  return undefined
}

type UnauthorizedListener = (error: ApiError) => void
const unauthorizedListeners = new Set<UnauthorizedListener>()

/**
 * Tells the listener of every 401 the API answers (the session expired or was ended elsewhere),
 * except the login's own; returns the unsubscribe.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

/** Reads a successful response's body; JSON unless a call says otherwise. */
type BodyReader<T> = (response: Response) => Promise<T>

async function request<T>(
  path: string,
  init: RequestInit = {},
  read: BodyReader<T> = (response) => response.json() as Promise<T>,
): Promise<T> {
  const method = init.method ?? 'GET'
  const what = `${method} ${API_BASE}${path}`
  let response: Response
  try {
    const csrf = SAFE_METHODS.has(method) ? undefined : csrfToken()
    response = await fetch(API_BASE + path, {
      ...init,
      headers: { Accept: 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}), ...init.headers },
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: `Could not reach the server (${what}): ${cause instanceof Error ? cause.message : String(cause)}`,
    })
  }
  if (!response.ok) {
    const problem = await problemFromResponse(response, what)
    if (problem.status === 401 && path !== SESSION_PATH) unauthorizedListeners.forEach((listener) => listener(problem))
    throw problem
  }
  // 204 No Content (e.g. after DELETE) has no body to parse.
  if (response.status === 204) return undefined as T
  return read(response)
}

/** A trace in JSON lines is parsed a slice at a time; a server that sends one document still works. */
async function readTrace(response: Response): Promise<Trace> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.startsWith(TRACE_LINES_TYPE) || !response.body) return (await response.json()) as Trace
  try {
    return await readTraceLines(response.body)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    if (cause instanceof MalformedTraceError) {
      throw new ApiError({
        status: response.status,
        title: 'Unreadable trace',
        detail: `The trace could not be read: ${detail}`,
      })
    }
    throw new ApiError({ status: 0, title: 'Network error', detail: `The trace stopped arriving: ${detail}` })
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

const segment = encodeURIComponent

/** The query of GET /api/workflows/{id}/nodes/{node}/executions. */
export type NodeExecutionsParams = {
  from: string
  to?: string
  version?: number
  status?: 'all' | 'failed'
  order?: 'latest' | 'slowest'
  limit?: number
}

export const api = {
  listWorkflows: () => request<WorkflowSummary[]>('/workflows'),

  getWorkflow: (id: string) => request<WorkflowDefinition>(`/workflows/${segment(id)}`),

  /** One saved version's definition. */
  getWorkflowVersion: (id: string, version: number) =>
    request<WorkflowDefinition>(`/workflows/${segment(id)}${query({ version })}`),

  /** A workflow's saved versions, newest first. */
  listWorkflowVersions: (id: string) => request<WorkflowVersion[]>(`/workflows/${segment(id)}/versions`),

  /** Per-node figures of a workflow over a time range, of one version or all. */
  getWorkflowStats: (id: string, range: { from: string; to?: string; version?: number }) =>
    request<WorkflowStats>(`/workflows/${segment(id)}/stats${query(range)}`),

  /** One node's executions across runs, latest or slowest first, optionally failed ones only. */
  getNodeExecutions: (id: string, nodeId: string, params: NodeExecutionsParams) =>
    request<NodeExecutions>(`/workflows/${segment(id)}/nodes/${segment(nodeId)}/executions${query(params)}`),

  /** Two runs of one workflow compared node by node; with `node`, that node's texts diffed. */
  compareRuns: (left: string, right: string, node?: string) =>
    request<RunComparison>(`/runs/compare${query({ left, right, node })}`),

  /**
   * Starts a run and answers at once (202) with the run QUEUED: it runs on the server's run queue,
   * and its events (GET /runs/{id}/events) tell how it goes.
   */
  startRun: (id: string, inputs: Record<string, JsonValue>) =>
    request<Run>(`/workflows/${segment(id)}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Prefer: 'respond-async' },
      body: JSON.stringify({ inputs, trigger: 'canvas' }),
    }),

  getRun: (runId: string) => request<Run>(`/runs/${segment(runId)}`),

  /** A page of the audit trail (role admin), newest first, filtered. */
  listAudit: (filter: { actor?: string; action?: string; cursor?: string; limit?: number }) =>
    request<AuditPage>(`/admin/audit${query(filter)}`),

  /** Traces made only of other services' spans, newest first, of one service or any. */
  listForeignTraces: (service?: string) => request<ForeignTraceList>(`/traces/foreign${query({ service })}`),

  /** Cancels a queued or running run (role runner); answers the run, ended or still stopping. */
  cancelRun: (runId: string) => request<Run>(`/runs/${segment(runId)}/cancel`, { method: 'POST' }),

  listRuns: (filter: RunFilter) =>
    request<RunPage>(
      `/traces${query({
        workflowId: filter.workflowId,
        status: filter.status,
        limit: filter.limit,
        cursor: filter.cursor,
      })}`,
    ),

  /** Runs of every workflow with the search page's filters, as typed (the server checks them). */
  searchRuns: (filter: Record<string, string | number>) => request<RunPage>(`/traces${query(filter)}`),

  /** A whole trace, asked for as JSON lines so even a huge one never holds the page for long. */
  getTrace: (traceId: string) =>
    request<Trace>(
      `/traces/${segment(traceId)}`,
      { headers: { Accept: `${TRACE_LINES_TYPE}, application/json;q=0.9` } },
      readTrace,
    ),

  getSpanDetail: (traceId: string, spanId: string) =>
    request<SpanDetail>(`/traces/${segment(traceId)}/spans/${segment(spanId)}`),

  getUiConfig: () => request<UiConfig>('/ui/config'),

  /** Roles decide what the Canvas shows, so an odd answer must not break it: no list means no roles. */
  getMe: async (): Promise<Me> => {
    const me = await request<Partial<Me>>('/me')
    return {
      user: typeof me.user === 'string' ? me.user : '',
      roles: Array.isArray(me.roles) ? me.roles.filter((role) => typeof role === 'string') : [],
    }
  },

  /** How one may sign in: the login page offers the identity provider's button when there is one. */
  getSignInOptions: () => request<SignInOptions>(SESSION_PATH),

  /** Signs in with the login page's form: the server sets the session's cookies. */
  signIn: (username: string, password: string) =>
    request<SignedIn>(SESSION_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),

  /**
   * Ends the session on the server (every server of a cluster) and clears its cookies; a single
   * sign-on session answers where the identity provider ends its own.
   */
  signOut: () => request<SignedOut | undefined>(SESSION_PATH, { method: 'DELETE' }),

  /** The API tokens, newest first, never their secrets (role admin). */
  listTokens: () => request<TokenList>('/admin/tokens'),

  /** Creates a token; its secret is in this answer only (role admin). */
  createToken: (token: TokenRequest) =>
    request<CreatedToken>('/admin/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(token),
    }),

  /** Revokes a token at once, on every server (role admin). */
  revokeToken: (id: string) => request<ApiToken>(`/admin/tokens/${segment(id)}`, { method: 'DELETE' }),

  getTracingAdmin: () => request<TracingAdmin>('/admin/tracing'),

  /** Pauses or resumes recording new traces until the server restarts (role admin). */
  setRecording: (recording: boolean) =>
    request<TracingAdmin>('/admin/tracing/recording', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ recording }),
    }),

  getStorageAdmin: () => request<StorageAdmin>('/admin/storage'),

  /** Makes the missing time partitions now (role admin); answers the store as it is then. */
  makePartitions: () => request<StorageAdmin>('/admin/storage/partitions', { method: 'POST' }),

  /** Deletes the run's spans, attributes and artifacts and the run itself (role admin). */
  deleteTrace: (traceId: string) => request<void>(`/traces/${segment(traceId)}`, { method: 'DELETE' }),
}

export type Api = typeof api
