// How full the export queues are and how the exporters are doing, for the admin page.
import type { ExporterHealth, QueueHealth } from '../api/types'

/** ok below 60 %, high from 60 %, full from 90 %: spans are dropped once a queue is full. */
export type FillLevel = 'ok' | 'high' | 'full'

export interface QueueFill {
  /** 0 to 100. */
  percent: number
  level: FillLevel
  /** e.g. "12 of 8,192 (<1 %)". */
  label: string
}

const HIGH_PERCENT = 60
const FULL_PERCENT = 90

export function queueFill({ size, capacity }: QueueHealth): QueueFill {
  // A queue without capacity is full as soon as anything waits in it.
  const raw = capacity > 0 ? (size / capacity) * 100 : size > 0 ? 100 : 0
  const percent = Math.min(100, Math.max(0, raw))
  const level: FillLevel = percent >= FULL_PERCENT ? 'full' : percent >= HIGH_PERCENT ? 'high' : 'ok'
  // A few spans in a big queue must not read as an empty "0 %".
  const shown = percent > 0 && percent < 1 ? '<1' : String(Math.round(percent))
  return { percent, level, label: `${formatCount(size)} of ${formatCount(capacity)} (${shown} %)` }
}

/** healthy: nothing failed or dropped since the server started; degraded otherwise. */
export type ExporterState = 'healthy' | 'degraded'

export function exporterState(exporter: ExporterHealth): ExporterState {
  return exporter.failed > 0 || exporter.dropped > 0 || exporter.rejected > 0 ? 'degraded' : 'healthy'
}

/** Counters with thousands separators in the user's locale. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString() : '—'
}
