// The route of what the Canvas shows: read from the store (the store itself only opens routes, so
// the two modules do not depend on each other).
import type { CanvasState } from '../store/canvasStore'
import type { Route } from './route'

/** The route of what the Canvas shows now. */
export function routeOf(state: CanvasState): Route {
  if (state.view === 'admin') return { page: 'admin' }
  if (state.view === 'search') return { page: 'search', query: state.searchQuery }
  if (state.view === 'compare' && state.comparison) return { page: 'compare', ...state.comparison }
  if (state.activeTab === 'stats' && state.selectedWorkflowId) {
    return { page: 'stats', workflowId: state.selectedWorkflowId, query: state.statsQuery }
  }
  if (state.selectedTraceId && state.activeTab === 'trace') {
    return { page: 'trace', traceId: state.selectedTraceId, spanId: state.selectedSpanId }
  }
  if (state.selectedRunId) return { page: 'run', runId: state.selectedRunId }
  if (state.selectedWorkflowId) return { page: 'workflow', workflowId: state.selectedWorkflowId }
  return { page: 'home' }
}
