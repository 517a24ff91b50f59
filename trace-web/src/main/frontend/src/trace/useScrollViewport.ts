import { useCallback, useRef, useState, type UIEvent } from 'react'
import { observeSize } from './observeSize'
import { scrollTopToReveal } from './virtualWindow'

/**
 * Tracks a scrolling element's scrollTop and height as state, for the virtualized list, and can
 * scroll a row into view. `attach` is the element's callback ref.
 */
export function useScrollViewport(initialHeight: number) {
  const elementRef = useRef<HTMLDivElement | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(initialHeight)

  const attach = useCallback((element: HTMLDivElement | null) => {
    elementRef.current = element
    // In jsdom nothing is observed and the initial height is used.
    if (!element) return
    const stop = observeSize(element, (box) => setHeight(box.height))
    return () => {
      stop()
      elementRef.current = null
    }
  }, [])

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop), [])

  /** Scrolls just enough to show the row; false when there is no element yet. */
  const revealRow = useCallback((index: number, rowHeight: number): boolean => {
    const element = elementRef.current
    if (!element) return false
    const top = scrollTopToReveal(index, rowHeight, element.scrollTop, element.clientHeight)
    if (top !== null) {
      element.scrollTop = top
      // Render the new window now rather than waiting for the scroll event.
      setScrollTop(element.scrollTop)
    }
    return true
  }, [])

  return { attach, onScroll, scrollTop, height, revealRow }
}
