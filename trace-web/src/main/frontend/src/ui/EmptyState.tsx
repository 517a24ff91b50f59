import type { ReactNode } from 'react'
import './EmptyState.css'

/** Muted, centred text where there is nothing to show (yet). */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>
}
