// The Canvas's UI state in one place: what is selected, which tab is open, how the trace is folded.
// Server data lives in the query cache (src/api/hooks.ts), not here.
import { create } from 'zustand'

export type CanvasTab = 'graph' | 'trace' | 'stats'

/**
 * The top-level page: the workflows (graph, trace, stats, runs), the search page, two runs
 * compared, or the tracing administration.
 */
export type CanvasView = 'workflows' | 'search' | 'compare' | 'admin'

/** The two runs compared (left, right) and the node whose texts are diffed. */
export interface Comparison {
  left: string
  right: string
  node: string | null
}

/** A part of a trace's time: from `startMicros` into the trace, `durationMicros` long. */
export interface TimeWindow {
  startMicros: number
  durationMicros: number
}

export interface ScrollRequest {
  spanId: string
  seq: number
}

export interface CanvasState {
  view: CanvasView
  /** The search page's filters, as its URL's search string ('' for none). */
  searchQuery: string
  /** The Stats tab's range, version, measure and node, as its URL's search string. */
  statsQuery: string
  comparison: Comparison | null
  /** Runs picked to compare (at most two), in the order picked. */
  picked: readonly PickedRun[]
  selectedWorkflowId: string | null
  selectedRunId: string | null
  /** The trace of the selected run; null when none is selected or the run was not traced. */
  selectedTraceId: string | null
  selectedSpanId: string | null
  activeTab: CanvasTab
  collapsedSpanIds: ReadonlySet<string>
  traceSearch: string
  /** The waterfall highlights the critical path (kept from trace to trace). */
  showCriticalPath: boolean
  /** The trace as a waterfall (the tree on a time axis) or as a table of spans to sort. */
  traceLayout: 'waterfall' | 'table'
  /** The time range of the trace the waterfall shows (picked on the minimap); null for all of it. */
  zoom: TimeWindow | null
  /** Set when a span should be scrolled into view; `seq` tells one request from the next. */
  scrollRequest: ScrollRequest | null
}

/** A run picked for comparison, with its workflow: only runs of one workflow compare. */
export interface PickedRun {
  runId: string
  workflowId: string
}

export interface CanvasActions {
  showView(view: CanvasView): void
  /** Selects a workflow and shows the workflows page. */
  selectWorkflow(workflowId: string | null): void
  selectRun(runId: string | null, traceId: string | null): void
  selectSpan(spanId: string | null): void
  /** Selects a span (or only reveals it), expanding its collapsed ancestors and scrolling to it. */
  revealSpan(spanId: string, ancestorIds: readonly string[], options?: { select?: boolean }): void
  setActiveTab(tab: CanvasTab): void
  toggleCollapsed(spanId: string): void
  expandAll(): void
  collapseAll(spanIds: readonly string[]): void
  setTraceSearch(text: string): void
  toggleCriticalPath(): void
  setTraceLayout(layout: 'waterfall' | 'table'): void
  setZoom(zoom: TimeWindow | null): void
  /** Runs a search: shows the search page with these filters (a search string). */
  search(query: string): void
  /** Shows a trace on the Trace tab, by its id alone (its run is filled in once known), with a span selected or none. */
  openTrace(traceId: string, spanId: string | null): void
  /** Shows a workflow's Stats tab with these choices (a search string). */
  openStats(workflowId: string, query: string): void
  setStatsQuery(query: string): void
  /** Shows two runs compared, with a node's texts diffed or none. */
  openCompare(left: string, right: string, node: string | null): void
  /**
   * Picks a run for comparison or unpicks it; a run of another workflow than those picked starts a
   * new pick, and a third run replaces the first.
   */
  togglePicked(run: PickedRun): void
  /** Shows a run by its id alone (its workflow is filled in once known). */
  openRun(runId: string): void
  /**
   * Fills in the workflow and run of what is shown, once known (a trace or run opened by its URL
   * names neither), without dropping the trace's selection.
   */
  adoptRun(run: { runId: string; workflowId: string; traceId: string | null }): void
}

export type CanvasStore = CanvasState & CanvasActions

const EMPTY_SET: ReadonlySet<string> = new Set()

export const initialCanvasState: CanvasState = {
  view: 'workflows',
  searchQuery: '',
  statsQuery: '',
  comparison: null,
  picked: [],
  selectedWorkflowId: null,
  selectedRunId: null,
  selectedTraceId: null,
  selectedSpanId: null,
  activeTab: 'graph',
  collapsedSpanIds: EMPTY_SET,
  traceSearch: '',
  showCriticalPath: false,
  traceLayout: 'waterfall',
  zoom: null,
  scrollRequest: null,
}

// Everything that belongs to one trace is dropped when the trace changes.
const traceViewReset = {
  selectedSpanId: null,
  zoom: null,
  collapsedSpanIds: EMPTY_SET,
  traceSearch: '',
} satisfies Partial<CanvasState>

export const createCanvasStore = () =>
  create<CanvasStore>()((set, get) => ({
    ...initialCanvasState,

    showView: (view) => set({ view }),

    selectWorkflow: (workflowId) => {
      if (workflowId === get().selectedWorkflowId) return set({ view: 'workflows' })
      set({
        view: 'workflows',
        selectedWorkflowId: workflowId,
        selectedRunId: null,
        selectedTraceId: null,
        statsQuery: '',
        ...traceViewReset,
      })
    },

    selectRun: (runId, traceId) => {
      const state = get()
      if (runId === state.selectedRunId && traceId === state.selectedTraceId) return
      set({
        selectedRunId: runId,
        selectedTraceId: runId ? traceId : null,
        // A run is shown on its graph or trace; the Stats tab is about many runs.
        activeTab: state.activeTab === 'stats' ? 'graph' : state.activeTab,
        ...traceViewReset,
      })
    },

    selectSpan: (spanId) => set({ selectedSpanId: spanId }),

    revealSpan: (spanId, ancestorIds, options = {}) =>
      set((state) => {
        const collapsed = new Set(state.collapsedSpanIds)
        for (const id of ancestorIds) collapsed.delete(id)
        return {
          selectedSpanId: options.select === false ? state.selectedSpanId : spanId,
          collapsedSpanIds: collapsed.size === state.collapsedSpanIds.size ? state.collapsedSpanIds : collapsed,
          scrollRequest: { spanId, seq: (state.scrollRequest?.seq ?? 0) + 1 },
        }
      }),

    setActiveTab: (tab) => set({ activeTab: tab }),

    toggleCollapsed: (spanId) =>
      set((state) => {
        const collapsed = new Set(state.collapsedSpanIds)
        if (!collapsed.delete(spanId)) collapsed.add(spanId)
        return { collapsedSpanIds: collapsed }
      }),

    expandAll: () => set({ collapsedSpanIds: EMPTY_SET }),

    collapseAll: (spanIds) => set({ collapsedSpanIds: new Set(spanIds) }),

    setTraceSearch: (text) => set({ traceSearch: text }),

    setTraceLayout: (layout) => set({ traceLayout: layout }),

    setZoom: (zoom) => set({ zoom }),

    toggleCriticalPath: () => set((state) => ({ showCriticalPath: !state.showCriticalPath })),

    search: (query) => set({ view: 'search', searchQuery: query }),

    openTrace: (traceId, spanId) => {
      if (traceId === get().selectedTraceId) {
        return set({ view: 'workflows', activeTab: 'trace', selectedSpanId: spanId })
      }
      set({
        view: 'workflows',
        selectedTraceId: traceId,
        selectedRunId: null,
        activeTab: 'trace',
        ...traceViewReset,
        selectedSpanId: spanId,
      })
    },

    openStats: (workflowId, query) => {
      if (workflowId !== get().selectedWorkflowId) get().selectWorkflow(workflowId)
      set({ view: 'workflows', activeTab: 'stats', statsQuery: query })
    },

    setStatsQuery: (query) => set({ statsQuery: query }),

    openCompare: (left, right, node) => set({ view: 'compare', comparison: { left, right, node } }),

    togglePicked: (run) =>
      set((state) => {
        if (state.picked.some((p) => p.runId === run.runId)) {
          return { picked: state.picked.filter((p) => p.runId !== run.runId) }
        }
        const sameWorkflow = state.picked.filter((p) => p.workflowId === run.workflowId)
        return { picked: [...sameWorkflow, run].slice(-2) }
      }),

    openRun: (runId) => {
      if (runId === get().selectedRunId) return set({ view: 'workflows', activeTab: 'graph' })
      set({ view: 'workflows', selectedRunId: runId, selectedTraceId: null, activeTab: 'graph', ...traceViewReset })
    },

    adoptRun: (run) => {
      const state = get()
      if (state.selectedRunId && state.selectedRunId !== run.runId) return
      if (state.selectedTraceId && run.traceId && state.selectedTraceId !== run.traceId) return
      set({
        selectedWorkflowId: run.workflowId,
        selectedRunId: run.runId,
        selectedTraceId: state.selectedTraceId ?? run.traceId,
      })
    },
  }))

/** The app's one store. Tests make their own with createCanvasStore. */
export const useCanvasStore = createCanvasStore()
