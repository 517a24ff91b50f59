// Which rows of a fixed-row-height list to render for a scroll position (plus an overscan buffer).

export interface WindowInput {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  rowCount: number
  overscan: number
}

/** Rows [start, end) to render. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): {
  start: number
  end: number
} {
  if (rowCount <= 0) return { start: 0, end: 0 }
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight)
  return {
    start: Math.min(rowCount, Math.max(0, first - overscan)),
    end: Math.min(rowCount, last + overscan),
  }
}

/** The scrollTop that brings a row fully into view, or null when it already is. */
export function scrollTopToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) {
    // Centre it, so the rows around it are visible too.
    return Math.max(0, top - Math.max(0, (viewportHeight - rowHeight) / 2))
  }
  return null
}
