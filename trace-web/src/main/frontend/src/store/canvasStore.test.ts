import { describe, expect, it } from 'vitest'
import { createCanvasStore } from './canvasStore'

function storeWithSelection() {
  const store = createCanvasStore()
  const s = store.getState()
  s.selectWorkflow('hello-llm')
  s.selectRun('run-1', 'trace-1')
  s.selectSpan('span-1')
  s.toggleCollapsed('span-0')
  s.setTraceSearch('llm')
  return store
}

describe('canvas store', () => {
  it('starts with nothing selected on the graph tab', () => {
    const state = createCanvasStore().getState()
    expect(state.selectedWorkflowId).toBeNull()
    expect(state.selectedRunId).toBeNull()
    expect(state.selectedSpanId).toBeNull()
    expect(state.activeTab).toBe('graph')
    expect(state.view).toBe('workflows')
    expect(state.collapsedSpanIds.size).toBe(0)
  })

  it('selecting another workflow resets the run, span, folding and search', () => {
    const store = storeWithSelection()
    store.getState().selectWorkflow('branching')
    const state = store.getState()
    expect(state.selectedWorkflowId).toBe('branching')
    expect(state.selectedRunId).toBeNull()
    expect(state.selectedTraceId).toBeNull()
    expect(state.selectedSpanId).toBeNull()
    expect(state.collapsedSpanIds.size).toBe(0)
    expect(state.traceSearch).toBe('')
  })

  it('selecting the same workflow again keeps the selection', () => {
    const store = storeWithSelection()
    store.getState().selectWorkflow('hello-llm')
    expect(store.getState().selectedRunId).toBe('run-1')
    expect(store.getState().selectedSpanId).toBe('span-1')
  })

  it('selecting a run resets the span but keeps the workflow', () => {
    const store = storeWithSelection()
    store.getState().selectRun('run-2', 'trace-2')
    const state = store.getState()
    expect(state.selectedWorkflowId).toBe('hello-llm')
    expect(state.selectedRunId).toBe('run-2')
    expect(state.selectedTraceId).toBe('trace-2')
    expect(state.selectedSpanId).toBeNull()
    expect(state.collapsedSpanIds.size).toBe(0)
  })

  it('opens the admin page keeping the selection, and any workflow click leads back', () => {
    const store = storeWithSelection()
    store.getState().showView('admin')
    expect(store.getState().view).toBe('admin')
    expect(store.getState().selectedRunId).toBe('run-1')
    store.getState().selectWorkflow('hello-llm')
    expect(store.getState().view).toBe('workflows')
    expect(store.getState().selectedRunId).toBe('run-1')
    store.getState().showView('admin')
    store.getState().selectWorkflow('branching')
    expect(store.getState().view).toBe('workflows')
    expect(store.getState().selectedWorkflowId).toBe('branching')
  })

  it('clearing the run selection drops the trace and span, as after deleting a trace', () => {
    const store = storeWithSelection()
    store.getState().selectRun(null, null)
    const state = store.getState()
    expect(state.selectedWorkflowId).toBe('hello-llm')
    expect(state.selectedRunId).toBeNull()
    expect(state.selectedTraceId).toBeNull()
    expect(state.selectedSpanId).toBeNull()
  })

  it('switches tabs without touching the selection', () => {
    const store = storeWithSelection()
    store.getState().setActiveTab('trace')
    expect(store.getState().activeTab).toBe('trace')
    store.getState().setActiveTab('graph')
    expect(store.getState().activeTab).toBe('graph')
    expect(store.getState().selectedSpanId).toBe('span-1')
  })

  it('toggles collapsed spans', () => {
    const store = createCanvasStore()
    store.getState().toggleCollapsed('a')
    expect([...store.getState().collapsedSpanIds]).toEqual(['a'])
    store.getState().toggleCollapsed('a')
    expect(store.getState().collapsedSpanIds.size).toBe(0)
  })

  it('revealing a span expands its ancestors, selects it and asks for a scroll', () => {
    const store = createCanvasStore()
    store.getState().collapseAll(['root', 'node', 'other'])
    store.getState().revealSpan('attempt', ['node', 'root'])
    const state = store.getState()
    expect([...state.collapsedSpanIds]).toEqual(['other'])
    expect(state.selectedSpanId).toBe('attempt')
    expect(state.scrollRequest).toEqual({ spanId: 'attempt', seq: 1 })
  })

  it('can reveal a span without selecting it', () => {
    const store = createCanvasStore()
    store.getState().selectSpan('kept')
    store.getState().revealSpan('match', [], { select: false })
    expect(store.getState().selectedSpanId).toBe('kept')
    expect(store.getState().scrollRequest).toEqual({ spanId: 'match', seq: 1 })
  })
})
