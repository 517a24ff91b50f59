import { describe, expect, it } from 'vitest'
import { createCanvasStore } from '../store/canvasStore'
import { openRoute } from './openRoute'

describe('openRoute', () => {
  it("opens a trace with its span on the Trace tab, dropping the last trace's folding", () => {
    const store = createCanvasStore()
    store.getState().selectRun('run-1', 'trace-1')
    store.getState().toggleCollapsed('span-0')
    openRoute({ page: 'trace', traceId: 'trace-2', spanId: 'span-9' }, store)
    const state = store.getState()
    expect(state.selectedTraceId).toBe('trace-2')
    expect(state.selectedRunId).toBeNull()
    expect(state.selectedSpanId).toBe('span-9')
    expect(state.activeTab).toBe('trace')
    expect(state.collapsedSpanIds.size).toBe(0)
  })

  it('keeps the folding when only the span of the same trace changes', () => {
    const store = createCanvasStore()
    openRoute({ page: 'trace', traceId: 't', spanId: 'a' }, store)
    store.getState().toggleCollapsed('a')
    openRoute({ page: 'trace', traceId: 't', spanId: 'b' }, store)
    expect(store.getState().selectedSpanId).toBe('b')
    expect(store.getState().collapsedSpanIds.has('a')).toBe(true)
  })

  it("opens a workflow's graph, a run, the search page, the admin page and home", () => {
    const store = createCanvasStore()
    openRoute({ page: 'workflow', workflowId: 'fan-out' }, store)
    expect(store.getState()).toMatchObject({ selectedWorkflowId: 'fan-out', activeTab: 'graph', view: 'workflows' })
    openRoute({ page: 'run', runId: 'r1' }, store)
    expect(store.getState()).toMatchObject({ selectedRunId: 'r1', selectedTraceId: null, activeTab: 'graph' })
    openRoute({ page: 'search', query: 'status=FAILED' }, store)
    expect(store.getState()).toMatchObject({ view: 'search', searchQuery: 'status=FAILED' })
    openRoute({ page: 'admin' }, store)
    expect(store.getState().view).toBe('admin')
    openRoute({ page: 'home' }, store)
    expect(store.getState()).toMatchObject({ view: 'workflows', selectedWorkflowId: null, selectedRunId: null })
  })
})
