import { RunPanel } from './runs/RunPanel'
import { WorkflowSidebar } from './workflows/WorkflowSidebar'
import { WorkflowView } from './workflows/WorkflowView'

/** The Canvas: workflows on the left, the selected one in the middle, its runs on the right. */
export function App() {
  return (
    <div className="app">
      <WorkflowSidebar />
      <main className="main">
        <WorkflowView />
      </main>
      <RunPanel />
    </div>
  )
}
