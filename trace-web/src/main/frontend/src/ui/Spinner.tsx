export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner-line" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  )
}
