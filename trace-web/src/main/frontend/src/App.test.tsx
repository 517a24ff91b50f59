// @vitest-environment jsdom
// A smoke test of the whole Canvas against a fake server: pick a workflow, run it, open the trace.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from './App'
import { queryCache } from './api/hooks'
import type { Me, Run, RunPage, Trace, TracingAdmin, WorkflowDefinition } from './api/types'
import { initialCanvasState, useCanvasStore } from './store/canvasStore'
import { FakeEventSource } from '../test/fixtures/eventSource'
import { makeSpan, COMPLETE } from '../test/fixtures/spans'
import { liveRuns } from './live/liveRuns'

const definition: WorkflowDefinition = {
  id: 'hello-llm',
  version: 1,
  name: 'Hello LLM',
  description: 'transform then llm',
  nodes: [
    { id: 'shape', type: 'transform', config: {} },
    { id: 'ask', type: 'llm', config: {} },
  ],
  edges: [{ from: 'shape', to: 'ask' }],
}

const run: Run = {
  runId: 'run-1',
  traceId: 'trace-1',
  workflowId: 'hello-llm',
  workflowVersion: 1,
  status: 'SUCCEEDED',
  trigger: 'canvas',
  startedAt: '2024-05-01T10:00:00Z',
  durationMs: 12,
  spanCount: 3,
  expectedSpanCount: 3,
  complete: true,
  error: null,
  inputs: { name: 'Ada' },
  outputs: {},
}

const trace: Trace = {
  traceId: 'trace-1',
  run,
  startTime: run.startedAt,
  durationMicros: 12_000,
  spanCount: 3,
  errorCount: 0,
  completeness: COMPLETE,
  detailsOmitted: false,
  spans: [
    makeSpan({ spanId: 'root', name: 'run hello-llm', childCount: 2, durationMicros: 12_000 }),
    makeSpan({
      spanId: 'shape',
      parentSpanId: 'root',
      name: 'transform shape',
      nodeId: 'shape',
      depth: 1,
      status: 'OK',
    }),
    makeSpan({
      spanId: 'ask',
      parentSpanId: 'root',
      name: 'llm ask',
      nodeId: 'ask',
      depth: 1,
      status: 'OK',
      offsetMicros: 1000,
    }),
  ],
}

const tracingAdmin: TracingAdmin = {
  settings: [{ key: 'otel.exporter.otlp.headers', value: '****', secret: true }],
  pipeline: {
    enabled: true,
    recording: true,
    exporters: [
      { name: 'database', exported: 3, failed: 0, dropped: 0, rejected: 0, lastError: null, lastErrorAt: null },
    ],
    queues: [{ name: 'database', size: 0, capacity: 65536, dropped: 0, bytes: 0, capacityBytes: 67108864 }],
    retryBufferSpans: 0,
    runJournal: { pending: 0, dropped: 0, repaired: 1, rejected: 2 },
    runQueue: { depth: 2, oldestAgeSeconds: 7 },
  },
}

const ADMIN: Me = { user: 'root', roles: ['viewer', 'runner', 'admin'] }
const VIEWER: Me = { user: 'vic', roles: ['viewer'] }

let runs: Run[] = []
let me: Me = ADMIN
const posted: unknown[] = []

function serve(method: string, url: string, body: string | undefined): [number, unknown] {
  if (url === '/api/me') return [200, me]
  if (url === '/api/admin/tracing') return [200, tracingAdmin]
  if (url === '/api/workflows') return [200, [{ id: 'hello-llm', version: 1, name: 'Hello LLM', description: null }]]
  if (url === '/api/workflows/hello-llm') return [200, definition]
  if (url === '/api/ui/config') return [200, { traceTabEnabled: true, monitoringLinks: [] }]
  if (url.startsWith('/api/traces?')) return [200, { items: runs, nextCursor: null } satisfies RunPage]
  if (url === '/api/traces/trace-1') return [200, trace]
  if (url.startsWith('/api/traces/trace-1/spans/'))
    return [200, { traceId: 'trace-1', span: trace.spans[0], artifacts: [] }]
  if (method === 'POST' && url === '/api/workflows/hello-llm/runs') {
    posted.push(JSON.parse(body ?? 'null'))
    runs = [run]
    return [202, { ...run, status: 'QUEUED', traceId: null }]
  }
  if (url === '/api/runs/run-1') return [200, run]
  return [404, { title: 'Not Found', status: 404, detail: `No ${url}` }]
}

beforeAll(() => {
  // xyflow measures nodes with ResizeObserver, which jsdom lacks.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  )
})

const at = (ms: number) => new Date(Date.parse(run.startedAt) + ms).toISOString()

beforeEach(() => {
  history.replaceState(null, '', '/')
  FakeEventSource.reset()
  FakeEventSource.scripts.set('/api/runs/run-1/events', [
    { name: 'RunQueued', data: { runId: 'run-1', workflowId: 'hello-llm', at: at(0) } },
    {
      name: 'RunStarted',
      data: {
        runId: 'run-1',
        workflowId: 'hello-llm',
        at: at(1),
        nodeIds: ['shape', 'ask'],
        traceId: 'trace-1',
        rootSpanId: 'root',
      },
    },
    {
      name: 'NodeAttemptStarted',
      data: { runId: 'run-1', nodeId: 'shape', attempt: 1, at: at(2), nodeSpanId: 'shape' },
    },
    { name: 'NodeAttemptEnded', data: { runId: 'run-1', nodeId: 'shape', attempt: 1, at: at(3) } },
    { name: 'NodeAttemptStarted', data: { runId: 'run-1', nodeId: 'ask', attempt: 1, at: at(4), nodeSpanId: 'ask' } },
    { name: 'NodeAttemptEnded', data: { runId: 'run-1', nodeId: 'ask', attempt: 1, at: at(11) } },
    { name: 'RunEnded', data: { runId: 'run-1', status: 'SUCCEEDED', at: at(12) } },
  ])
  vi.stubGlobal('EventSource', FakeEventSource)
  liveRuns.clear()
  runs = []
  me = ADMIN
  posted.length = 0
  useCanvasStore.setState(initialCanvasState)
  queryCache.clear()
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const [status, body] = serve(init?.method ?? 'GET', url, init?.body as string | undefined)
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' },
      })
    }),
  )
})

afterEach(cleanup)

describe('App', () => {
  it('runs a workflow and shows its graph, run history and trace', async () => {
    render(<App />)
    fireEvent.click(await screen.findByTestId('workflow-item-hello-llm'))
    expect(await screen.findByTestId('graph-node-ask')).toBeTruthy()
    expect(screen.getByTestId('graph-node-ask').getAttribute('data-state')).toBe('idle')
    expect(await screen.findByText('No runs yet — run the workflow.')).toBeTruthy()

    const inputs = screen.getByTestId('run-inputs')
    fireEvent.change(inputs, { target: { value: '{"name": ' } })
    expect(screen.getByText(/Inputs are not valid JSON/)).toBeTruthy()
    expect((screen.getByTestId('run-button') as HTMLButtonElement).disabled).toBe(true)

    fireEvent.change(inputs, { target: { value: '{"name": "Ada"}' } })
    fireEvent.click(screen.getByTestId('run-button'))
    const status = await screen.findByText('SUCCEEDED', { selector: '[data-testid="run-status"] *' })
    expect(status).toBeTruthy()
    expect(posted).toEqual([{ inputs: { name: 'Ada' }, trigger: 'canvas' }])

    const history = screen.getByTestId('run-history')
    expect(await within(history).findByTestId('run-item-run-1')).toBeTruthy()
    expect(useCanvasStore.getState().selectedRunId).toBe('run-1')
    await vi.waitFor(() => expect(screen.getByTestId('graph-node-ask').getAttribute('data-state')).toBe('succeeded'))

    fireEvent.click(screen.getByTestId('tab-trace'))
    fireEvent.click(await screen.findByTestId('span-row-ask'))
    expect(screen.getByTestId('span-details').textContent).toContain('llm ask')
    expect(await screen.findByText('No artifacts recorded for this span.')).toBeTruthy()

    // Back on the graph, the selected span's node is highlighted.
    fireEvent.click(screen.getByTestId('tab-graph'))
    expect(screen.getByTestId('graph-node-ask').className).toContain('wf-node--highlighted')
  })

  it('lets a viewer read but not run, and shows no admin controls', async () => {
    me = VIEWER
    runs = [run]
    render(<App />)
    fireEvent.click(await screen.findByTestId('workflow-item-hello-llm'))
    expect(await screen.findByTestId('run-denied')).toBeTruthy()
    const runButton = screen.getByTestId('run-button') as HTMLButtonElement
    expect(runButton.disabled).toBe(true)
    expect(runButton.title).toBe('Your account may read traces but not run workflows (role runner needed).')
    expect(screen.getByTestId('current-user').textContent).toContain('vic')
    expect(screen.queryByTestId('nav-admin')).toBeNull()

    fireEvent.click(await screen.findByTestId('run-item-run-1'))
    fireEvent.click(screen.getByTestId('tab-trace'))
    expect(await screen.findByTestId('span-row-ask')).toBeTruthy()
    expect(screen.queryByTestId('delete-trace')).toBeNull()
    expect(posted).toEqual([])
  })

  it('leaves the decision to the server when it cannot tell the roles, and explains its 403', async () => {
    const original = serve
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const [status, body]: [number, unknown] =
          url === '/api/me'
            ? [500, { title: 'Server Error', status: 500 }]
            : init?.method === 'POST'
              ? [403, { title: 'Forbidden', status: 403, detail: 'Access denied' }]
              : original('GET', url, undefined)
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' },
        })
      }),
    )
    render(<App />)
    fireEvent.click(await screen.findByTestId('workflow-item-hello-llm'))
    await screen.findByText('No runs yet — run the workflow.')
    expect((screen.getByTestId('run-button') as HTMLButtonElement).disabled).toBe(false)
    fireEvent.click(screen.getByTestId('run-button'))
    expect((await screen.findByTestId('access-problem')).textContent).toBe(
      'Your account may read traces but not run workflows (role runner needed).',
    )
  })

  it('opens a trace and its span from the URL, then keeps the URL in step', async () => {
    history.replaceState(null, '', '/traces/trace-1?span=ask')
    render(<App />)
    const row = await screen.findByTestId('span-row-ask')
    expect(row.getAttribute('aria-selected')).toBe('true')
    // The trace names its run and workflow, which the Canvas then shows around it.
    await vi.waitFor(() => expect(useCanvasStore.getState().selectedWorkflowId).toBe('hello-llm'))
    expect(useCanvasStore.getState().selectedRunId).toBe('run-1')

    fireEvent.click(await screen.findByTestId('span-row-shape'))
    expect(location.pathname + location.search).toBe('/traces/trace-1?span=shape')
    fireEvent.click(screen.getByTestId('tab-graph'))
    expect(location.pathname).toBe('/runs/run-1')
    fireEvent.click(screen.getByTestId('nav-search'))
    expect(location.pathname).toBe('/search')
  })

  it('takes an admin to the admin page and back to the workflows', async () => {
    render(<App />)
    fireEvent.click(await screen.findByTestId('nav-admin'))
    expect(useCanvasStore.getState().view).toBe('admin')
    expect(screen.getByTestId('nav-admin').getAttribute('aria-current')).toBe('page')
    expect(await screen.findByTestId('exporter-row-database')).toBeTruthy()
    expect(screen.queryByTestId('run-history')).toBeNull()

    fireEvent.click(screen.getByTestId('workflow-item-hello-llm'))
    expect(await screen.findByTestId('graph-node-ask')).toBeTruthy()
    expect(screen.queryByTestId('admin-page')).toBeNull()
    expect(screen.getByTestId('run-history')).toBeTruthy()
  })

  it('hides the trace tab when the server turns it off', async () => {
    const original = serve
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body =
          url === '/api/ui/config'
            ? { traceTabEnabled: false, monitoringLinks: [] }
            : original('GET', url, undefined)[1]
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
      }),
    )
    useCanvasStore.setState({ ...initialCanvasState, selectedWorkflowId: 'hello-llm', activeTab: 'trace' })
    render(<App />)
    expect(await screen.findByText('The trace view is turned off on this server.')).toBeTruthy()
    expect(screen.queryByTestId('tab-trace')).toBeNull()
    expect(screen.getByTestId('tab-graph').getAttribute('aria-selected')).toBe('true')
  })
})
