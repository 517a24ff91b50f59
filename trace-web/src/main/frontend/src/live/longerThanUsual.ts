// "Longer than usual": a running node past the factor times its own usual p95 (the server's
// figures over the recent runs of the same version; GET /api/runs/{id} live.nodes[].usualP95Ms).
// The server sends what is usual; the Canvas compares with its own clock, so the flag appears
// while the node runs, without asking the server again.
import type { Run } from '../api/types'
import { formatMillis } from '../ui/format'
import type { LiveNode } from './liveRun'

export interface UsualDurations {
  /** Flag past this many times the usual p95. */
  factor: number
  /** Usual p95 by node id, only for nodes with enough history. */
  p95Ms: Readonly<Record<string, number>>
}

export interface LongerThanUsual {
  /** Elapsed over usual p95, to one decimal. */
  times: number
  p95Ms: number
}

/** What is usual for the run's nodes, as the stored run says while it runs; null before it knows. */
export function usualDurationsOf(run: Run): UsualDurations | null {
  const live = run.live
  if (!live || live.longerThanUsualFactor == null) return null
  const p95Ms: Record<string, number> = {}
  for (const node of live.nodes) if (node.usualP95Ms != null) p95Ms[node.nodeId] = node.usualP95Ms
  return { factor: live.longerThanUsualFactor, p95Ms }
}

/** The flag of a node at `now` (epoch ms): only while it runs past the factor times its usual p95. */
export function longerThanUsual(
  nodeId: string,
  node: LiveNode | undefined,
  usual: UsualDurations | null,
  now: number,
): LongerThanUsual | null {
  const p95Ms = usual?.p95Ms[nodeId]
  if (!usual || !p95Ms || !node || node.state !== 'running' || node.startedAt === null) return null
  const elapsed = now - node.startedAt
  if (elapsed <= usual.factor * p95Ms) return null
  return { times: Math.round((10 * elapsed) / p95Ms) / 10, p95Ms }
}

/** "running 3.4× its usual p95 (1.2s)" */
export function describeLonger(flag: LongerThanUsual): string {
  return `running ${flag.times.toFixed(1)}× its usual p95 (${formatMillis(flag.p95Ms)})`
}
