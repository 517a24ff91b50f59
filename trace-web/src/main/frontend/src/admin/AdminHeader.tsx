import { Spinner } from '../ui/Spinner'
import './AdminHeader.css'

interface AdminHeaderProps {
  /** When the data shown arrived (epoch ms), or null before the first answer. */
  receivedAt: number | null
  refreshing: boolean
  refreshSeconds: number
  onRefresh: () => void
}

/** The admin page's title, when its data arrived, how often it refreshes, and a Refresh button. */
export function AdminHeader({ receivedAt, refreshing, refreshSeconds, onRefresh }: AdminHeaderProps) {
  return (
    <header className="admin-header">
      <h2 id="admin-title">Tracing administration</h2>
      <span className="muted" data-testid="admin-updated">
        {receivedAt !== null && `Updated ${new Date(receivedAt).toLocaleTimeString()} · `}
        refreshes every {refreshSeconds} s
      </span>
      {refreshing && <Spinner label="Refreshing…" />}
      <button type="button" className="button button--small" onClick={onRefresh} data-testid="admin-refresh">
        Refresh
      </button>
    </header>
  )
}
