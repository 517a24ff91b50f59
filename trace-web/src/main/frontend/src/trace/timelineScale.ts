// Where a span's bar sits on the timeline, and the ticks of the time axis. Percentages of the
// trace's duration, so the bars scale with the column's width.
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

/** Ticks at round times from 0 to the trace's end, about `target` of them. */
export function timeTicks(traceDurationMicros: number, target = 5): Tick[] {
  if (!(traceDurationMicros > 0)) return [{ micros: 0, percent: 0, label: formatMicros(0) }]
  const step = niceStep(traceDurationMicros / target)
  const ticks: Tick[] = []
  for (let micros = 0; micros <= traceDurationMicros + step * 1e-9; micros += step) {
    ticks.push({ micros, percent: (micros / traceDurationMicros) * 100, label: formatMicros(micros) })
  }
  return ticks
}
