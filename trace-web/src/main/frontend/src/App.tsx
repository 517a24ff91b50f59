import { AdminPage } from './admin/AdminPage'
import { ComparePage } from './compare/ComparePage'
import { useUrlSync } from './routes/useUrlSync'
import { RunPanel } from './runs/RunPanel'
import { SearchPage } from './search/SearchPage'
import { useCanvasStore } from './store/canvasStore'
import { WorkflowSidebar } from './workflows/WorkflowSidebar'
import { WorkflowView } from './workflows/WorkflowView'
import './App.css'

/**
 * The Canvas: workflows on the left, the selected one in the middle, its runs on the right; or,
 * for admins, the tracing administration in place of the workflow and its runs.
 */
export function App() {
  useUrlSync()
  const view = useCanvasStore((s) => s.view)
  return (
    <div className="app">
      <WorkflowSidebar />
      <main className="main">
        {view === 'admin' ? (
          <AdminPage />
        ) : view === 'search' ? (
          <SearchPage />
        ) : view === 'compare' ? (
          <ComparePage />
        ) : (
          <WorkflowView />
        )}
      </main>
      {view === 'workflows' && <RunPanel />}
    </div>
  )
}
