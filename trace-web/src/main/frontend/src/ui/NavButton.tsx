import './NavButton.css'

interface NavButtonProps {
  label: string
  testId: string
  current: boolean
  onClick: () => void
}

/** A page of the Canvas in the sidebar (search, admin). */
export function NavButton({ label, testId, current, onClick }: NavButtonProps) {
  return (
    <button
      type="button"
      className="nav-item"
      aria-current={current ? 'page' : undefined}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </button>
  )
}
