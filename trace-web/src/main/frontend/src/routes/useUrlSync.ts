// Keeps the address bar and the Canvas in step: the URL opens its view at load and on back or
// forward; what the user selects becomes the URL (a new history entry per page, the selected span
// replacing the current one), so any view can be reloaded, bookmarked and shared.
import { useEffect } from 'react'
import { useCanvasStore } from '../store/canvasStore'
import { routeOf } from './currentRoute'
import { openRoute } from './openRoute'
import { formatRoute, parseRoute, samePage } from './route'

export function useUrlSync(): void {
  useEffect(() => {
    const open = () => openRoute(parseRoute(location.pathname, location.search))
    // At load, the home page has nothing to open: what is selected stays.
    if (parseRoute(location.pathname, location.search).page !== 'home') open()
    window.addEventListener('popstate', open)
    const unsubscribe = useCanvasStore.subscribe((state) => {
      const route = routeOf(state)
      const url = formatRoute(route)
      if (url === location.pathname + location.search) return
      const current = parseRoute(location.pathname, location.search)
      if (samePage(route, current)) history.replaceState(null, '', url)
      else history.pushState(null, '', url)
    })
    return () => {
      window.removeEventListener('popstate', open)
      unsubscribe()
    }
  }, [])
}
