/**
 * Calls `onSize` with the element's content box now and whenever it changes; answers the function
 * that stops watching. In jsdom, which has no ResizeObserver (nor layout), it watches nothing.
 */
export function observeSize(element: Element, onSize: (box: DOMRectReadOnly) => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {}
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1]
    if (entry) onSize(entry.contentRect)
  })
  observer.observe(element)
  return () => observer.disconnect()
}
