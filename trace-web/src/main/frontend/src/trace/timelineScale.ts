// Where a span's bar sits on the timeline, and the ticks of the time axis. Percentages of the
// trace's duration, so the bars scale with the column's width.
import type { TimeWindow } from '../store/canvasStore'
import { formatMicros } from '../ui/format'

export interface BarGeometry {
  leftPercent: number
  widthPercent: number
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

export function barGeometry(offsetMicros: number, durationMicros: number, traceDurationMicros: number): BarGeometry {
  // A zero-length trace has no scale: every bar starts at the left edge (CSS gives it a minimum width).
  if (!(traceDurationMicros > 0)) return { leftPercent: 0, widthPercent: 0 }
  const leftPercent = clamp((offsetMicros / traceDurationMicros) * 100, 0, 100)
  const widthPercent = clamp((Math.max(0, durationMicros) / traceDurationMicros) * 100, 0, 100 - leftPercent)
  return { leftPercent, widthPercent }
}

/** A span's bar in a window of the trace: the part inside it; outside, a zero-width bar at the edge. */
export function windowedBar(offsetMicros: number, durationMicros: number, window: TimeWindow): BarGeometry {
  const from = Math.max(offsetMicros, window.startMicros)
  const to = Math.min(offsetMicros + Math.max(0, durationMicros), window.startMicros + window.durationMicros)
  if (to < from) {
    return barGeometry(offsetMicros < window.startMicros ? 0 : window.durationMicros, 0, window.durationMicros)
  }
  return barGeometry(from - window.startMicros, to - from, window.durationMicros)
}

export interface Tick {
  micros: number
  percent: number
  label: string
}

/** The 1, 2 or 5 times a power of ten nearest the raw step. */
export function niceStep(rawStep: number): number {
  if (!(rawStep > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(rawStep))
  const fraction = rawStep / power
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
  return nice * power
}

/**
 * Ticks at round times across a window of `traceDurationMicros` that starts at `startMicros` into
 * the trace (labels are times from the trace's start), about `target` of them.
 */
export function timeTicks(traceDurationMicros: number, target = 5, startMicros = 0): Tick[] {
  if (!(traceDurationMicros > 0)) return [{ micros: startMicros, percent: 0, label: formatMicros(startMicros) }]
  const step = niceStep(traceDurationMicros / target)
  const ticks: Tick[] = []
  const first = Math.ceil(startMicros / step - 1e-9) * step || 0
  for (let micros = first; micros <= startMicros + traceDurationMicros + step * 1e-9; micros += step) {
    const percent = ((micros - startMicros) / traceDurationMicros) * 100
    ticks.push({ micros, percent, label: formatMicros(micros) })
  }
  return ticks
}

/** About how wide a tick's label is at the axis's 11 px font: per character, plus its padding. */
const LABEL_PX_PER_CHAR = 6.5
const LABEL_PADDING_PX = 6
/** Room left between two labels. */
const LABEL_GAP_PX = 6

/** A tick placed on an axis: its label starts at the tick, or ends there near the axis's end. */
export interface PlacedTick extends Tick {
  align: 'start' | 'end'
}

/** How many ticks to aim for on an axis this wide: one per 100 pixels or so, 2 to 8. */
export function tickTarget(widthPx: number): number {
  return Math.min(8, Math.max(2, Math.floor(widthPx / 100)))
}

/**
 * The ticks whose labels fit on an axis `widthPx` wide. A label starts at its tick, except past
 * 90 % where it ends there (it would run off the axis); a label that would run into the one
 * before it is left out, so a narrow or zoomed axis never shows "80ms90ms".
 */
export function placeTicks(ticks: readonly Tick[], widthPx: number): PlacedTick[] {
  const placed: PlacedTick[] = []
  let freeFromPx = -Infinity
  for (const tick of ticks) {
    const align = tick.percent > 90 ? 'end' : 'start'
    const atPx = (tick.percent / 100) * widthPx
    const labelPx = tick.label.length * LABEL_PX_PER_CHAR + LABEL_PADDING_PX
    const startPx = align === 'end' ? atPx - labelPx : atPx
    if (widthPx > 0 && startPx < freeFromPx) continue
    placed.push({ ...tick, align })
    freeFromPx = startPx + labelPx + LABEL_GAP_PX
  }
  return placed
}
