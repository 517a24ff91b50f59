import { formatMillis } from './format'
import { useNow } from './useNow'

/** How often a running clock is redrawn: often enough that it agrees with nodes of a few 100 ms. */
export const ELAPSED_TICK_MS = 100

/** Time since `since` (epoch ms or ISO-8601), ticking: the one running clock of the Canvas. */
export function Elapsed({ since, suffix = '' }: { since: number | string; suffix?: string }) {
  const now = useNow(ELAPSED_TICK_MS)
  const start = typeof since === 'number' ? since : Date.parse(since)
  return (
    <span data-testid="live-elapsed">
      {formatMillis(Math.max(0, now - start))}
      {suffix}
    </span>
  )
}
