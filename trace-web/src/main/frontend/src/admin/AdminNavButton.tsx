import './AdminNavButton.css'

/** The way to the admin page; the sidebar shows it to admins only. */
export function AdminNavButton({ current, onClick }: { current: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="nav-item"
      aria-current={current ? 'page' : undefined}
      onClick={onClick}
      data-testid="nav-admin"
    >
      Admin
    </button>
  )
}
