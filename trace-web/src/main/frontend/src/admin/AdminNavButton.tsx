import { useMe } from '../api/hooks'
import { accessTo } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import './AdminNavButton.css'

/** The way to the admin page, shown to admins only. */
export function AdminNavButton() {
  const me = useMe()
  const view = useCanvasStore((s) => s.view)
  const showView = useCanvasStore((s) => s.showView)
  if (accessTo(me.data, 'admin') !== 'allowed') return null
  return (
    <button
      type="button"
      className="nav-item"
      aria-current={view === 'admin' ? 'page' : undefined}
      onClick={() => showView('admin')}
      data-testid="nav-admin"
    >
      Admin
    </button>
  )
}
