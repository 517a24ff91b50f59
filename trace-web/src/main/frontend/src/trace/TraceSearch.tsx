import type { KeyboardEvent } from 'react'
import './TraceSearch.css'

export interface TraceSearchProps {
  value: string
  matchCount: number
  /** Index of the current match, or null before the first one is shown. */
  currentIndex: number | null
  onChange: (value: string) => void
  onStep: (direction: 1 | -1) => void
}

/** The search box: highlights matching spans and steps through them. */
export function TraceSearch({ value, matchCount, currentIndex, onChange, onStep }: TraceSearchProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      onStep(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape') {
      onChange('')
    }
  }
  const hasQuery = value.trim() !== ''
  return (
    <div className="trace-search" role="search">
      <input
        type="search"
        className="input"
        placeholder="Find spans (name, node, attribute)"
        aria-label="Find spans"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="trace-search"
      />
      {hasQuery && (
        <span className="trace-search__count" aria-live="polite" data-testid="trace-search-count">
          {matchCount === 0 ? 'No matches' : `${(currentIndex ?? 0) + 1} of ${matchCount} matches`}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        aria-label="Previous match"
        disabled={matchCount === 0}
        onClick={() => onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label="Next match"
        disabled={matchCount === 0}
        onClick={() => onStep(1)}
      >
        ↓
      </button>
    </div>
  )
}
