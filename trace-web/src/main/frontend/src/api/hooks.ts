// Typed hooks over the API client. Each returns a QueryState: loading, error or success.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { api, ApiError, isAccessProblem, type NodeExecutionsParams } from './client'
import { LOADING, QueryCache, type Query, type QueryState } from './queryCache'
import type {
  AuditPage,
  ForeignTraceList,
  Me,
  NodeExecutions,
  SignInOptions,
  TokenList,
  Run,
  RunComparison,
  RunPage,
  RunStatus,
  SpanDetail,
  Trace,
  StorageAdmin,
  TracingAdmin,
  UiConfig,
  WorkflowDefinition,
  WorkflowStats,
  WorkflowSummary,
  WorkflowVersion,
} from './types'

export const queryCache = new QueryCache()

export const RUNS_PAGE_SIZE = 20

/** Reads a query from the shared cache, loading it when first needed; a null query stays loading. */
export function useQuery<T>(query: Query<T> | null): QueryState<T> {
  const key = query?.key ?? null
  const subscribe = useCallback((listener: () => void) => queryCache.subscribe(listener, key), [key])
  const state = useSyncExternalStore(subscribe, () => (key ? queryCache.get<T>(key) : LOADING))
  useEffect(() => {
    if (query) queryCache.ensure(query)
  }, [query])
  return state
}

export const queries = {
  workflows: (): Query<WorkflowSummary[]> => ({ key: 'workflows', load: api.listWorkflows }),
  workflow: (id: string): Query<WorkflowDefinition> => ({ key: `workflow:${id}`, load: () => api.getWorkflow(id) }),
  runs: (workflowId: string, status?: RunStatus): Query<RunPage> => ({
    key: `${runsKeyPrefix(workflowId)}${status ?? ''}`,
    load: () => api.listRuns({ workflowId, status, limit: RUNS_PAGE_SIZE }),
  }),
  workflowVersion: (id: string, version: number): Query<WorkflowDefinition> => ({
    key: `workflow:${id}@${version}`,
    load: () => api.getWorkflowVersion(id, version),
  }),
  workflowVersions: (id: string): Query<WorkflowVersion[]> => ({
    key: `workflow-versions:${id}`,
    load: () => api.listWorkflowVersions(id),
  }),
  workflowStats: (id: string, range: StatsRange): Query<WorkflowStats> => ({
    key: `stats:${id}:${range.from}:${range.to ?? ''}:${range.version ?? ''}`,
    load: () => api.getWorkflowStats(id, range),
  }),
  nodeExecutions: (id: string, nodeId: string, params: NodeExecutionsParams): Query<NodeExecutions> => ({
    key: `executions:${id}:${nodeId}:${JSON.stringify(params)}`,
    load: () => api.getNodeExecutions(id, nodeId, params),
  }),
  comparison: (left: string, right: string, node: string | null): Query<RunComparison> => ({
    key: `compare:${left}:${right}:${node ?? ''}`,
    load: () => api.compareRuns(left, right, node ?? undefined),
  }),
  trace: (traceId: string): Query<Trace> => ({ key: `trace:${traceId}`, load: () => api.getTrace(traceId) }),
  run: (runId: string): Query<Run> => ({ key: `run:${runId}`, load: () => api.getRun(runId) }),
  spanDetail: (traceId: string, spanId: string): Query<SpanDetail> => ({
    key: `${spanKeyPrefix(traceId)}${spanId}`,
    load: () => api.getSpanDetail(traceId, spanId),
  }),
  uiConfig: (): Query<UiConfig> => ({ key: 'ui-config', load: api.getUiConfig }),
  me: (): Query<Me> => ({ key: 'me', load: api.getMe }),
  signInOptions: (): Query<SignInOptions> => ({ key: 'sign-in-options', load: api.getSignInOptions }),
  tokens: (): Query<TokenList> => ({ key: 'admin:tokens', load: api.listTokens }),
  tracingAdmin: (): Query<Received<TracingAdmin>> => ({
    key: 'admin:tracing',
    load: async () => ({ data: await api.getTracingAdmin(), receivedAt: Date.now() }),
  }),
  storageAdmin: (): Query<StorageAdmin> => ({
    key: 'admin:storage',
    load: () => api.getStorageAdmin(),
  }),
}

/** The range of a stats query: ISO instants (to: now when absent) and a version or all. */
export interface StatsRange {
  from: string
  to?: string
  version?: number
}

/** Data with the time it arrived, for pages that say how fresh they are. */
export interface Received<T> {
  data: T
  /** Epoch milliseconds. */
  receivedAt: number
}

export function runsKeyPrefix(workflowId: string): string {
  return `runs:${workflowId}:`
}

function spanKeyPrefix(traceId: string): string {
  return `span:${traceId}:`
}

export function useWorkflows(): QueryState<WorkflowSummary[]> {
  return useQuery(useMemo(() => queries.workflows(), []))
}

export function useWorkflow(id: string | null): QueryState<WorkflowDefinition> {
  return useQuery(useMemo(() => (id ? queries.workflow(id) : null), [id]))
}

/** A saved version's definition; the latest when `version` is null. */
export function useWorkflowVersion(id: string | null, version: number | null): QueryState<WorkflowDefinition> {
  return useQuery(
    useMemo(() => (id ? (version ? queries.workflowVersion(id, version) : queries.workflow(id)) : null), [id, version]),
  )
}

export function useWorkflowVersions(id: string | null): QueryState<WorkflowVersion[]> {
  return useQuery(useMemo(() => (id ? queries.workflowVersions(id) : null), [id]))
}

/** Per-node figures; a null range (not known yet) stays loading. */
export function useWorkflowStats(id: string | null, range: StatsRange | null): QueryState<WorkflowStats> {
  const key = range ? `${range.from}|${range.to ?? ''}|${range.version ?? ''}` : null
  return useQuery(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the range
    useMemo(() => (id && range ? queries.workflowStats(id, range) : null), [id, key]),
  )
}

/** A node's executions; a null node (none chosen) stays loading. */
export function useNodeExecutions(
  id: string,
  nodeId: string | null,
  params: NodeExecutionsParams,
): QueryState<NodeExecutions> {
  const key = JSON.stringify(params)
  return useQuery(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the parameters
    useMemo(() => (nodeId ? queries.nodeExecutions(id, nodeId, params) : null), [id, nodeId, key]),
  )
}

export function useRunComparison(
  left: string | null,
  right: string | null,
  node: string | null,
): QueryState<RunComparison> {
  return useQuery(useMemo(() => (left && right ? queries.comparison(left, right, node) : null), [left, right, node]))
}

/** One run by its id (a run opened by its URL). */
/** The newest page of the audit trail for a filter (role admin). */
export function useAuditPage(actor: string, action: string): QueryState<AuditPage> {
  return useQuery(
    useMemo(
      () => ({
        key: `audit:${actor}:${action}`,
        load: () => api.listAudit({ actor: actor || undefined, action: action || undefined }),
      }),
      [actor, action],
    ),
  )
}

/** Traces made only of other services' spans (the search page's "Other services"). */
export function useForeignTraces(service: string): QueryState<ForeignTraceList> {
  return useQuery(
    useMemo(
      () => ({ key: `foreign-traces:${service}`, load: () => api.listForeignTraces(service || undefined) }),
      [service],
    ),
  )
}

export function useRun(runId: string | null): QueryState<Run> {
  return useQuery(useMemo(() => (runId ? queries.run(runId) : null), [runId]))
}

export function useTrace(traceId: string | null): QueryState<Trace> {
  return useQuery(useMemo(() => (traceId ? queries.trace(traceId) : null), [traceId]))
}

/** How often, and how many times, an incomplete trace is fetched again. */
export const TRACE_POLL_MS = 500
export const TRACE_POLL_LIMIT = 40
/**
 * Fetches a trace again while it is incomplete: its spans reach the database a moment after the
 * run ends (they are exported in batches), so the first read right after a run can be partial.
 * While the run is still going (`running`) it is not fetched again: the Trace tab draws the run's
 * nodes from its events (trace/spansInFlight.ts) and reads the stored trace once the run has ended;
 * only a read that failed (the run's row may not be stored yet) is tried again meanwhile.
 * Call it once per view; every useTrace of the same trace sees the refreshed data.
 */
export function useRefreshTraceUntilComplete(traceId: string | null, running = false): void {
  const state = useTrace(traceId)
  const [polls, setPolls] = useState({ traceId, count: 0 })
  const count = polls.traceId === traceId ? polls.count : 0
  const incomplete = state.status === 'success' && !isSettled(state.data)
  // 503: the server reads as many traces as it may at once; it asks to try again in a moment.
  const busy = state.status === 'error' && state.error instanceof ApiError && state.error.status === 503
  const again = running ? state.status === 'error' : incomplete || busy
  useEffect(() => {
    if (!traceId || !again || count >= TRACE_POLL_LIMIT) return
    const timer = setTimeout(() => {
      setPolls({ traceId, count: count + 1 })
      if (queryCache.get(`trace:${traceId}`).status !== 'loading') queryCache.invalidate(`trace:${traceId}`)
    }, TRACE_POLL_MS)
    return () => clearTimeout(timer)
  }, [traceId, again, count])
}

/** Complete, or a trace that will not change any more (no run behind it, or not traced whole). */
export function isSettled(trace: Trace): boolean {
  return trace.completeness?.complete ?? true
}

export function useSpanDetail(traceId: string | null, spanId: string | null): QueryState<SpanDetail> {
  return useQuery(useMemo(() => (traceId && spanId ? queries.spanDetail(traceId, spanId) : null), [traceId, spanId]))
}

export function useUiConfig(): QueryState<UiConfig> {
  return useQuery(useMemo(() => queries.uiConfig(), []))
}

/** Who is logged in and their roles; read once per page load. */
export function useMe(): QueryState<Me> {
  return useQuery(useMemo(() => queries.me(), []))
}

export const ADMIN_REFRESH_MS = 5000

/** The tracing settings and pipeline health, reloaded every ADMIN_REFRESH_MS while in use. */
export function useTracingAdmin(): QueryState<Received<TracingAdmin>> {
  const query = useMemo(() => queries.tracingAdmin(), [])
  const state = useQuery(query)
  useAutoRefresh(query.key, ADMIN_REFRESH_MS)
  return state
}

export function refreshTracingAdmin(): void {
  queryCache.invalidate(queries.tracingAdmin().key)
  queryCache.invalidate(queries.storageAdmin().key)
}

/** The store's partitions and sizes, reloaded with the rest of the admin page. */
export function useStorageAdmin(): QueryState<StorageAdmin> {
  const query = useMemo(() => queries.storageAdmin(), [])
  const state = useQuery(query)
  useAutoRefresh(query.key, ADMIN_REFRESH_MS)
  return state
}

/**
 * Reloads a query every `intervalMs` while the component is mounted, and at once when it mounts
 * with data cached from an earlier visit. Skips a tick while a load is under way (no pile-up on a
 * slow server), while the browser tab is hidden, and after a 401 or 403, which a retry won't fix.
 * Call it after the useQuery of the same key, so that query is already loading at mount.
 */
export function useAutoRefresh(key: string, intervalMs: number): void {
  useEffect(() => {
    const refresh = () => {
      const state = queryCache.get(key)
      if (state.status === 'loading' || document.hidden) return
      if (state.status === 'error' && isAccessProblem(state.error)) return
      queryCache.invalidate(key)
    }
    refresh()
    const timer = setInterval(refresh, intervalMs)
    return () => clearInterval(timer)
  }, [key, intervalMs])
}

export interface RunsResult {
  state: QueryState<RunPage>
  /** The first page plus every page loaded with loadMore. */
  runs: Run[]
  hasMore: boolean
  loadingMore: boolean
  loadMoreError: Error | null
  loadMore: () => void
}

interface ExtraPages {
  /** The first page these follow; a reloaded first page drops them. */
  after: RunPage | undefined
  items: Run[]
  nextCursor: string | null
  loading: boolean
  error: Error | null
}

/** The newest runs of a workflow, optionally of one status, with "load more" through the cursor. */
export function useRuns(workflowId: string | null, status?: RunStatus): RunsResult {
  const query = useMemo(() => (workflowId ? queries.runs(workflowId, status) : null), [workflowId, status])
  const more = useCallback(
    (cursor: string) => api.listRuns({ workflowId: workflowId!, status, limit: RUNS_PAGE_SIZE, cursor }),
    [workflowId, status],
  )
  return usePagedRuns(query, more)
}

/** Runs of all workflows with the search page's filters, newest or longest first, a page at a time. */
export function useSearchRuns(
  search: string,
  filterOf: (cursor?: string) => Record<string, string | number>,
): RunsResult {
  const query = useMemo(() => ({ key: `search:${search}`, load: () => api.searchRuns(filterOf()) }), [search, filterOf])
  const more = useCallback((cursor: string) => api.searchRuns(filterOf(cursor)), [filterOf])
  return usePagedRuns(query, more)
}

/** A first page from the shared cache, then pages through the cursor (keyset), as asked. */
function usePagedRuns(query: Query<RunPage> | null, loadPage: (cursor: string) => Promise<RunPage>): RunsResult {
  const state = useQuery(query)
  const firstPage = state.data
  const [extra, setExtra] = useState<ExtraPages | null>(null)
  const current = extra && extra.after === firstPage ? extra : null
  const nextCursor = current ? current.nextCursor : (firstPage?.nextCursor ?? null)

  const loadMore = useCallback(() => {
    if (!query || !nextCursor || current?.loading) return
    const base: ExtraPages = current ?? { after: firstPage, items: [], nextCursor, loading: false, error: null }
    setExtra({ ...base, loading: true, error: null })
    loadPage(nextCursor).then(
      (page) =>
        setExtra({ ...base, items: [...base.items, ...page.items], nextCursor: page.nextCursor, loading: false }),
      (error: Error) => setExtra({ ...base, loading: false, error }),
    )
  }, [query, loadPage, nextCursor, current, firstPage])

  const runs = useMemo(() => [...(firstPage?.items ?? []), ...(current?.items ?? [])], [firstPage, current])
  return {
    state,
    runs,
    hasMore: nextCursor !== null,
    loadingMore: current?.loading ?? false,
    loadMoreError: current?.error ?? null,
    loadMore,
  }
}

/** How often a run list with runs still going is reloaded. */
export const RUNNING_RUNS_REFRESH_MS = 2000

/** Reloads the workflow's run lists every RUNNING_RUNS_REFRESH_MS while `active`. */
export function useRefreshRunsWhile(workflowId: string, active: boolean): void {
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => {
      if (!document.hidden) refreshRuns(workflowId)
    }, RUNNING_RUNS_REFRESH_MS)
    return () => clearInterval(timer)
  }, [workflowId, active])
}

/** Reloads the run lists of a workflow, e.g. after a new run. */
export function refreshRuns(workflowId: string): void {
  queryCache.invalidate(runsKeyPrefix(workflowId))
}

/** Drops a deleted trace and its span details from the cache. */
export function forgetTrace(traceId: string): void {
  queryCache.remove(queries.trace(traceId).key)
  queryCache.remove(spanKeyPrefix(traceId))
}
