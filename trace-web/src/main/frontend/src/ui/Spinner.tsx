import './Spinner.css'

/** The spinning circle alone, e.g. inline before a status text. */
export function SpinnerIcon() {
  return <span className="spinner" aria-hidden="true" />
}

/** A spinner with what is loading, announced politely to screen readers. */
export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner-line" role="status" aria-live="polite">
      <SpinnerIcon />
      <span>{label}</span>
    </div>
  )
}
