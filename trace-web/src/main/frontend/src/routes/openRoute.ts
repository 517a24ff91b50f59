// Opens what a URL names (a link opened, a reload, back or forward) in the Canvas's store. It
// lives with the routes: the store knows nothing of URLs.
import type { StoreApi } from 'zustand'
import { initialCanvasState, useCanvasStore, type CanvasStore } from '../store/canvasStore'
import type { Route } from './route'

export function openRoute(route: Route, store: StoreApi<CanvasStore> = useCanvasStore): void {
  const state = store.getState()
  const set = store.setState
  switch (route.page) {
    case 'home':
      return set({ ...initialCanvasState })
    case 'admin':
      return set({ view: 'admin' })
    case 'search':
      return state.search(route.query)
    case 'workflow':
      if (route.workflowId !== state.selectedWorkflowId) state.selectWorkflow(route.workflowId)
      return set({ view: 'workflows', selectedRunId: null, selectedTraceId: null, activeTab: 'graph' })
    case 'stats':
      return state.openStats(route.workflowId, route.query)
    case 'compare':
      return state.openCompare(route.left, route.right, route.node)
    case 'run':
      return state.openRun(route.runId)
    case 'trace':
      return state.openTrace(route.traceId, route.spanId)
  }
}
