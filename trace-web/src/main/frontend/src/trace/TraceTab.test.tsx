// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queries, queryCache } from '../api/hooks'
import type { Me, Run, SpanDetail, Trace, UiConfig } from '../api/types'
import { initialCanvasState, useCanvasStore } from '../store/canvasStore'
import { TraceTab } from './TraceTab'
import { makeSpan, COMPLETE } from '../../test/fixtures/spans'
import { FakeEventSource } from '../../test/fixtures/eventSource'
import { liveRuns } from '../live/liveRuns'

const run = { runId: 'run-1', traceId: 'trace-1', workflowId: 'always-fails', status: 'FAILED' } as Run

const spans = [
  makeSpan({ spanId: 'root', name: 'run always-fails', childCount: 1, status: 'ERROR', durationMicros: 5000 }),
  makeSpan({
    spanId: 'node',
    parentSpanId: 'root',
    name: 'fail boom',
    nodeId: 'boom',
    depth: 1,
    childCount: 1,
    status: 'ERROR',
    statusMessage: 'gave up after 3 attempts',
    attributes: { 'workflow.node.type': 'fail', 'workflow.node.attempts': 3 },
    events: [
      {
        name: 'exception',
        timeNanos: 1714557600001000000,
        attributes: {
          'exception.type': 'WorkflowFailure',
          'exception.message': 'boom',
          'exception.stacktrace': 'at boom()',
        },
      },
    ],
  }),
  makeSpan({
    spanId: 'attempt',
    parentSpanId: 'node',
    name: 'boom attempt 3',
    nodeId: 'boom',
    depth: 2,
    status: 'ERROR',
    attributes: { 'workflow.node.attempt': 3 },
  }),
]

const trace: Trace = {
  traceId: 'trace-1',
  run,
  startTime: '2024-05-01T10:00:00Z',
  durationMicros: 5000,
  spanCount: 3,
  errorCount: 3,
  completeness: COMPLETE,
  detailsOmitted: false,
  spans,
}

const uiConfig: UiConfig = {
  traceTabEnabled: true,
  monitoringLinks: [{ name: 'Logs', urlTemplate: 'https://logs.example/?trace={traceId}&from={startMs}' }],
}

function detailOf(spanId: string): SpanDetail {
  return {
    traceId: 'trace-1',
    span: spans.find((s) => s.spanId === spanId)!,
    artifacts: [
      {
        seq: 0,
        kind: 'prompt',
        contentType: 'text/plain',
        content: '<script>alert(1)</script> token [REDACTED]',
        originalLength: 40,
        truncated: false,
      },
    ],
  }
}

/** The trace as the server sends one too big to carry its spans' attributes and events. */
const slimTrace: Trace = {
  ...trace,
  detailsOmitted: true,
  spans: spans.map((span) => ({ ...span, attributes: {}, events: [] })),
}

let me: Me
let slim: boolean
let deleteStatus: number
const deleted: string[] = []

function serve(url: string): unknown {
  if (url === '/api/me') return me
  if (url === '/api/traces/trace-1') return slim ? slimTrace : trace
  if (url === '/api/ui/config') return uiConfig
  const span = url.match(/^\/api\/traces\/trace-1\/spans\/(\w+)$/)
  if (span) return detailOf(span[1])
  throw new Error(`unexpected ${url}`)
}

beforeEach(() => {
  FakeEventSource.reset()
  vi.stubGlobal('EventSource', FakeEventSource)
  liveRuns.clear()
  me = { user: 'ada', roles: ['viewer', 'runner'] }
  slim = false
  deleteStatus = 204
  deleted.length = 0
  queryCache.clear()
  useCanvasStore.setState({
    ...initialCanvasState,
    selectedWorkflowId: 'always-fails',
    selectedRunId: 'run-1',
    selectedTraceId: 'trace-1',
  })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') {
        deleted.push(url)
        return deleteStatus === 204
          ? new Response(null, { status: 204 })
          : new Response(JSON.stringify({ title: 'Forbidden', status: deleteStatus, detail: 'admin only' }), {
              status: deleteStatus,
              headers: { 'content-type': 'application/problem+json' },
            })
      }
      return new Response(JSON.stringify(serve(url)), { headers: { 'content-type': 'application/json' } })
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('TraceTab', () => {
  it('follows the failed node to its span and shows the exception and artifacts as text', async () => {
    render(<TraceTab />)
    fireEvent.click(await screen.findByTestId('follow-failed-node'))
    expect(screen.getByTestId('span-row-node').getAttribute('aria-selected')).toBe('true')
    const details = screen.getByTestId('span-details')
    expect(details.textContent).toContain('WorkflowFailure')
    expect(details.querySelector('.exception__stacktrace')?.textContent).toBe('at boom()')

    const artifact = await screen.findByTestId('artifact-content')
    expect(artifact.textContent).toContain('<script>alert(1)</script>')
    expect(artifact.querySelector('script')).toBeNull()
    expect(artifact.querySelector('mark.redaction')?.textContent).toBe('[REDACTED]')
  })

  it("says when a trace comes without attributes and events, and shows them from the span's own read", async () => {
    slim = true
    render(<TraceTab />)
    expect((await screen.findByTestId('trace-details-omitted')).textContent).toContain('left out')
    fireEvent.click(screen.getByTestId('follow-failed-node'))
    await screen.findByTestId('artifact-content')
    const details = screen.getByTestId('span-details')
    expect(details.textContent).toContain('WorkflowFailure')
    expect(details.querySelector('.exception__stacktrace')?.textContent).toBe('at boom()')
  })

  it('shows no such notice for a whole trace', async () => {
    render(<TraceTab />)
    await screen.findByTestId('follow-failed-node')
    expect(screen.queryByTestId('trace-details-omitted')).toBeNull()
  })

  it('counts search matches and steps through them', async () => {
    render(<TraceTab />)
    const search = await screen.findByTestId('trace-search')
    fireEvent.change(search, { target: { value: 'boom' } })
    expect(screen.getByTestId('trace-search-count').textContent).toBe('1 of 2 matches')
    expect(screen.getByTestId('span-row-node').className).toContain('span-row--current-match')
    fireEvent.keyDown(search, { key: 'Enter' })
    expect(screen.getByTestId('trace-search-count').textContent).toBe('2 of 2 matches')
    expect(screen.getByTestId('span-row-attempt').className).toContain('span-row--current-match')
  })

  it('fills the monitoring links for the trace', async () => {
    render(<TraceTab />)
    const link = await screen.findByTestId('monitoring-link')
    expect(link.getAttribute('href')).toBe('https://logs.example/?trace=trace-1&from=1714557600000')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener')
  })

  it('offers no delete button to users who are not admins', async () => {
    render(<TraceTab />)
    await screen.findByTestId('trace-search')
    await waitFor(() => expect(queryCache.get('me').status).toBe('success'))
    expect(screen.queryByTestId('delete-trace')).toBeNull()
  })

  it('deletes the trace after confirmation, clears the selection and reloads the run history', async () => {
    me = { user: 'root', roles: ['admin'] }
    const runsQuery = { key: 'runs:always-fails:', load: vi.fn(async () => ({ items: [], nextCursor: null })) }
    queryCache.ensure(runsQuery)
    render(<TraceTab />)
    fireEvent.click(await screen.findByTestId('delete-trace'))
    expect(screen.getByTestId('confirm-delete').textContent).toContain('3 spans')
    expect(deleted).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    fireEvent.click(screen.getByTestId('delete-trace'))
    fireEvent.click(screen.getByTestId('confirm-delete-trace'))
    await screen.findByText(/Pick a run from the history/)
    expect(deleted).toEqual(['/api/traces/trace-1'])
    const state = useCanvasStore.getState()
    expect([state.selectedRunId, state.selectedTraceId, state.selectedSpanId]).toEqual([null, null, null])
    expect(state.selectedWorkflowId).toBe('always-fails')
    expect(runsQuery.load).toHaveBeenCalledTimes(2)
    expect(queryCache.get(queries.trace('trace-1').key).status).toBe('loading') // gone from the cache
  })

  it('explains a refused delete and keeps the trace', async () => {
    me = { user: 'root', roles: ['admin'] }
    deleteStatus = 403
    render(<TraceTab />)
    fireEvent.click(await screen.findByTestId('delete-trace'))
    fireEvent.click(screen.getByTestId('confirm-delete-trace'))
    expect((await screen.findByTestId('access-problem')).textContent).toBe(
      'Your account may not delete traces (role admin needed).',
    )
    expect(useCanvasStore.getState().selectedTraceId).toBe('trace-1')
    expect(screen.getByTestId('span-row-root')).toBeTruthy()
  })

  it('asks for a run when none is selected', async () => {
    useCanvasStore.setState(initialCanvasState)
    render(<TraceTab />)
    await waitFor(() => expect(screen.getByText(/Pick a run from the history/)).toBeTruthy())
  })
})
