// Searching a trace's spans: the matches, which one is current, and stepping through them.
import { useMemo, useState } from 'react'
import type { Span } from '../api/types'
import type { TraceSearchProps } from './TraceSearch'
import { findMatches } from './spanRows'

export interface TraceSearchModel {
  /** What the search box shows and does. */
  box: TraceSearchProps
  /** Ids of the matching spans, highlighted in the timeline. */
  matches: ReadonlySet<string>
  currentMatchId: string | null
}

/** The match after `current` (null: none shown yet) going `direction`, wrapping round. */
export function stepMatchIndex(current: number | null, direction: 1 | -1, count: number): number {
  if (current === null) return direction === 1 ? 0 : count - 1
  return (current + direction + count) % count
}

/**
 * The search `text` (kept by the caller) over `spans`. Typing shows the first match, Enter and the
 * arrows step through them; `showMatch` brings a match into view.
 */
export function useTraceSearch(
  spans: readonly Span[],
  text: string,
  setText: (text: string) => void,
  showMatch: (spanId: string) => void,
): TraceSearchModel {
  const matches = useMemo(() => findMatches(spans, text), [spans, text])
  const matchSet = useMemo(() => new Set(matches), [matches])
  // The current match belongs to the search it was found for; a new search starts over.
  const [cursor, setCursor] = useState<{ search: string; index: number | null }>({ search: '', index: null })
  const currentIndex = cursor.search === text ? cursor.index : null

  const onChange = (next: string) => {
    setText(next)
    const first = findMatches(spans, next)[0]
    setCursor({ search: next, index: first ? 0 : null })
    if (first) showMatch(first)
  }

  const onStep = (direction: 1 | -1) => {
    if (matches.length === 0) return
    const index = stepMatchIndex(currentIndex, direction, matches.length)
    setCursor({ search: text, index })
    showMatch(matches[index])
  }

  return {
    box: { value: text, matchCount: matches.length, currentIndex, onChange, onStep },
    matches: matchSet,
    currentMatchId: currentIndex === null ? null : matches[currentIndex],
  }
}
