import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { useSearchRuns, useWorkflows } from '../api/hooks'
import { RUN_STATUSES, type Run } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { TimeRangePicker } from '../ui/TimeRangePicker'
import { CompareBar, PickToCompare } from '../compare/PickToCompare'
import { formatCost, formatDateTime, formatMillis } from '../ui/format'
import { ForeignTraces } from './ForeignTraces'
import './SearchPage.css'
import {
  fieldOfProblem,
  formatSearch,
  idKind,
  parseSearch,
  toRunFilter,
  type SearchField,
  type SearchQuery,
} from './searchQuery'

const PAGE_SIZE = 50

const FIELDS: { field: SearchField; label: string; placeholder: string }[] = [
  { field: 'workflowId', label: 'Workflow', placeholder: 'e.g. fan-out' },
  { field: 'minDurationMs', label: 'Min duration (ms)', placeholder: 'e.g. 1000' },
  { field: 'maxDurationMs', label: 'Max duration (ms)', placeholder: '' },
  { field: 'attribute', label: 'Attribute', placeholder: 'e.g. gen_ai.request.model=sim-small' },
  { field: 'name', label: 'Span name contains', placeholder: 'e.g. llm' },
  { field: 'minCost', label: 'Min cost', placeholder: 'e.g. 0.01' },
  { field: 'minTokens', label: 'Min tokens', placeholder: 'e.g. 1000' },
]

/**
 * The search page's container: runs of every workflow with the API's filters, newest or longest
 * first, more as the user scrolls; a box that goes to a trace or run by its id. The filters live in
 * the URL (/search?…), so a search can be shared.
 */
export function SearchPage() {
  const search = useCanvasStore((s) => s.searchQuery)
  const runSearch = useCanvasStore((s) => s.search)
  const query = useMemo(() => parseSearch(search), [search])
  // When this search was made: a relative range ("last hour") ends then, for every page of it.
  const searchedAt = useMemo(() => searchTime(query), [query])
  const filterOf = useCallback(
    (cursor?: string) => toRunFilter(query, PAGE_SIZE, cursor, searchedAt),
    [query, searchedAt],
  )
  const result = useSearchRuns(search, filterOf)
  const problem = result.state.status === 'error' ? result.state.error : null
  const field = problem instanceof ApiError ? fieldOfProblem(problem.detail) : null

  return (
    <div className="search-page" data-testid="search-page">
      <header className="search-page__header">
        <h2>Search runs</h2>
        <GoToId />
      </header>
      {/* Keyed by the search, so the form shows what the URL says after back or forward. */}
      <SearchForm
        key={search}
        query={query}
        problemField={field}
        problem={problem}
        onSearch={(q) => runSearch(formatSearch(q))}
      />
      {problem && !field && <ErrorBox error={problem} title="The search failed" />}
      <Results result={result} />
      <ForeignTraces />
    </div>
  )
}

function searchTime(query: SearchQuery): number {
  return query.since ? Date.now() : 0
}

interface SearchFormProps {
  query: SearchQuery
  problemField: SearchField | null
  problem: Error | null
  onSearch: (query: SearchQuery) => void
}

function SearchForm({ query, problemField, problem, onSearch }: SearchFormProps) {
  const [draft, setDraft] = useState<SearchQuery>(query)
  const workflows = useWorkflows()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSearch(draft)
  }
  const fieldError = (field: SearchField) =>
    problemField === field &&
    problem instanceof ApiError && (
      <span className="field-error" role="alert" data-testid={`search-error-${field}`}>
        {problem.detail}
      </span>
    )
  return (
    <form className="search-form" onSubmit={submit} data-testid="search-form">
      <TimeRangePicker
        value={draft}
        onChange={(range) => setDraft({ ...draft, ...range })}
        anyTime
        testIdPrefix="search"
        fieldClassName="search-form__field"
        fieldError={fieldError}
      />
      {/* The known workflows are offered; any id may still be typed (a deleted workflow's runs). */}
      <datalist id="search-known-workflows" data-testid="search-known-workflows">
        {(workflows.data ?? []).map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
          </option>
        ))}
      </datalist>
      {FIELDS.map(({ field, label, placeholder }) => (
        <label key={field} className="search-form__field">
          <span className="field-label">{label}</span>
          <input
            className="input input--small"
            name={field}
            list={field === 'workflowId' ? 'search-known-workflows' : undefined}
            value={draft[field] ?? ''}
            placeholder={placeholder}
            maxLength={500}
            aria-invalid={problemField === field}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            data-testid={`search-${field}`}
          />
          {problemField === field && problem instanceof ApiError && (
            <span className="field-error" role="alert" data-testid={`search-error-${field}`}>
              {problem.detail}
            </span>
          )}
        </label>
      ))}
      <label className="search-form__field">
        <span className="field-label">Status</span>
        <select
          className="input input--small"
          value={draft.status ?? ''}
          aria-invalid={problemField === 'status'}
          onChange={(event) => setDraft({ ...draft, status: event.target.value || undefined })}
          data-testid="search-status"
        >
          <option value="">Any</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </select>
        {problemField === 'status' && problem instanceof ApiError && (
          <span className="field-error" role="alert" data-testid="search-error-status">
            {problem.detail}
          </span>
        )}
      </label>
      <label className="search-form__field">
        <span className="field-label">Order</span>
        <select
          className="input input--small"
          value={draft.sort ?? 'startedAt'}
          onChange={(event) =>
            setDraft({ ...draft, sort: event.target.value === 'startedAt' ? undefined : event.target.value })
          }
          data-testid="search-sort"
        >
          <option value="startedAt">Newest first</option>
          <option value="duration">Longest first</option>
          <option value="cost">Most expensive first</option>
          <option value="tokens">Most tokens first</option>
        </select>
      </label>
      <button type="submit" className="button button--primary" data-testid="search-button">
        Search
      </button>
    </form>
  )
}

/** Goes to a trace (32 hex digits) or a run (a UUID) by its id. */
function GoToId() {
  const openTrace = useCanvasStore((s) => s.openTrace)
  const openRun = useCanvasStore((s) => s.openRun)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const go = (event: FormEvent) => {
    event.preventDefault()
    const kind = idKind(text)
    if (kind === 'trace') openTrace(text.trim().toLowerCase(), null)
    else if (kind === 'run') openRun(text.trim().toLowerCase())
    else setError('Enter a trace id (32 hex digits) or a run id (a UUID).')
  }
  return (
    <form className="go-to-id" onSubmit={go}>
      <input
        className="input input--small"
        placeholder="Go to trace or run id"
        aria-label="Trace or run id"
        value={text}
        maxLength={100}
        onChange={(event) => {
          setText(event.target.value)
          setError(null)
        }}
        data-testid="go-to-id"
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}

function Results({ result }: { result: ReturnType<typeof useSearchRuns> }) {
  const { state, runs, hasMore, loadMore, loadingMore, loadMoreError } = result
  const sentinel = useRef<HTMLDivElement>(null)
  // More as the user scrolls: the next page loads when the end of the list comes into view.
  useEffect(() => {
    const end = sentinel.current
    if (!end || !hasMore || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore()
    })
    observer.observe(end)
    return () => observer.disconnect()
  }, [hasMore, loadMore])

  if (state.status === 'loading' && !state.data) return <Spinner label="Searching…" />
  // A span filter (attribute, name) looks at a bounded number of runs per page: no match yet is not no match.
  if (state.status === 'success' && runs.length === 0 && hasMore)
    return (
      <div className="search-results" data-testid="search-further">
        <EmptyState>No runs match among those searched so far.</EmptyState>
        {loadMoreError && <ErrorBox error={loadMoreError} title="Could not search further" />}
        <button type="button" className="button button--small" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Searching…' : 'Search further'}
        </button>
      </div>
    )
  if (state.status === 'success' && runs.length === 0) return <EmptyState>No runs match.</EmptyState>
  if (runs.length === 0) return null
  return (
    <div className="search-results">
      <CompareBar />
      <table className="search-table" data-testid="search-results">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">Compare</span>
            </th>
            <th>Status</th>
            <th>Workflow</th>
            <th>Started</th>
            <th>Duration</th>
            <th>Tokens</th>
            <th>Cost</th>
            <th>Trace</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <ResultRow key={run.runId} run={run} />
          ))}
        </tbody>
      </table>
      {loadMoreError && <ErrorBox error={loadMoreError} title="Could not load more runs" />}
      <div ref={sentinel} />
      {hasMore && (
        <button type="button" className="button button--small" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  )
}

function ResultRow({ run }: { run: Run }) {
  const openTrace = useCanvasStore((s) => s.openTrace)
  const openRun = useCanvasStore((s) => s.openRun)
  const open = (event: React.MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return // new tab: the browser's
    event.preventDefault()
    if (run.traceId) openTrace(run.traceId, null)
    else openRun(run.runId)
  }
  const href = run.traceId ? `/traces/${run.traceId}` : `/runs/${run.runId}`
  return (
    <tr data-testid={`search-row-${run.runId}`}>
      <td>
        <PickToCompare run={run} />
      </td>
      <td>
        <StatusBadge status={run.status} />
      </td>
      <td>{run.workflowId}</td>
      <td>
        <time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time>
      </td>
      <td className="search-table__number">{formatMillis(run.durationMs)}</td>
      <td className="search-table__number" data-testid="search-tokens">
        {run.usage ? run.usage.totalTokens.toLocaleString() : '—'}
      </td>
      <td className="search-table__number" data-testid="search-cost">
        {run.usage ? formatCost(run.usage.cost, run.usage.currency) : '—'}
      </td>
      <td>
        <a href={href} onClick={open} className="mono">
          {run.traceId ? run.traceId.slice(0, 12) + '…' : 'run'}
        </a>
      </td>
    </tr>
  )
}
