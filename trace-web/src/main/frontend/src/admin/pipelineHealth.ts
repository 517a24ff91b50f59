// How full the export queues are and how the exporters are doing, for the admin page.
import type { ExporterHealth, QueueHealth } from '../api/types'

/** ok below 60 %, high from 60 %, full from 90 %: spans are dropped once a queue is full. */
export type FillLevel = 'ok' | 'high' | 'full'

export interface QueueFill {
  /** 0 to 100. */
  percent: number
  level: FillLevel
  /** e.g. "12 of 8,192 · 0.1 MiB of 64.0 MiB (<1 %)". */
  label: string
}

const HIGH_PERCENT = 60
const FULL_PERCENT = 90

export function queueFill({ size, capacity, bytes, capacityBytes }: QueueHealth): QueueFill {
  // The fuller of its two bounds (spans, bytes) is how full the queue is: either drops spans.
  const percent = Math.max(fraction(size, capacity), fraction(bytes, capacityBytes))
  const level: FillLevel = percent >= FULL_PERCENT ? 'full' : percent >= HIGH_PERCENT ? 'high' : 'ok'
  // A few spans in a big queue must not read as an empty "0 %".
  const shown = percent > 0 && percent < 1 ? '<1' : String(Math.round(percent))
  const label = `${formatCount(size)} of ${formatCount(capacity)} · ${formatMebibytes(bytes)} of ${formatMebibytes(capacityBytes)} (${shown} %)`
  return { percent, level, label }
}

function fraction(used: number, bound: number): number {
  // A bound of zero is full as soon as anything is held.
  const raw = bound > 0 ? (used / bound) * 100 : used > 0 ? 100 : 0
  return Math.min(100, Math.max(0, raw))
}

/** Bytes as MiB with one decimal, e.g. "3.2 MiB". */
export function formatMebibytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MiB` : '—'
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
