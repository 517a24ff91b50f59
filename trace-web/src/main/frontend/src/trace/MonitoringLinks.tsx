import { useMemo } from 'react'
import type { MonitoringLink, Trace } from '../api/types'
import { resolveLinks } from './monitoringLinks'
import './MonitoringLinks.css'

/** Links to the dashboards configured on the server, filled in for this trace. */
export function MonitoringLinks({ links, trace }: { links: readonly MonitoringLink[]; trace: Trace }) {
  const resolved = useMemo(() => resolveLinks(links, trace), [links, trace])
  if (resolved.length === 0) return null
  return (
    <nav className="monitoring-links" aria-label="Monitoring">
      {resolved.map((link) => (
        <a key={link.name} href={link.href} target="_blank" rel="noopener" data-testid="monitoring-link">
          {link.name} ↗
        </a>
      ))}
    </nav>
  )
}
