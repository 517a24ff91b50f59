import { useMe, useWorkflows } from '../api/hooks'
import { CurrentUser } from '../auth/CurrentUser'
import { accessTo } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import { NavButton } from '../ui/NavButton'
import { WorkflowList } from './WorkflowList'
import './WorkflowSidebar.css'

/** The sidebar's container: who is logged in, the way to the admin page (admins only), the workflows. */
export function WorkflowSidebar() {
  const workflows = useWorkflows()
  const me = useMe()
  const view = useCanvasStore((s) => s.view)
  // On the admin and search pages no workflow is the current page.
  const selectedId = useCanvasStore((s) => (s.view === 'workflows' ? s.selectedWorkflowId : null))
  const selectWorkflow = useCanvasStore((s) => s.selectWorkflow)
  const showView = useCanvasStore((s) => s.showView)

  return (
    <nav className="sidebar" aria-label="Workflows">
      <h1 className="sidebar__title">Workflow Tracing</h1>
      <CurrentUser me={me} />
      <NavButton
        label="Search runs"
        testId="nav-search"
        current={view === 'search'}
        onClick={() => showView('search')}
      />
      {accessTo(me.data, 'admin') === 'allowed' && (
        <NavButton label="Admin" testId="nav-admin" current={view === 'admin'} onClick={() => showView('admin')} />
      )}
      <h2 className="sidebar__heading">Workflows</h2>
      <WorkflowList workflows={workflows} selectedId={selectedId} onSelect={selectWorkflow} />
    </nav>
  )
}
